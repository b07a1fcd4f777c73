// What both web apps' pages share, before each app's own script: htmx requests carry the CSRF token, and the
// regions they update say they are busy. Like the apps' scripts, it improves pages that already work without
// JavaScript.
(function () {
  "use strict";

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  // htmx requests carry the CSRF token as a header, also those made outside a form.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrf();
    if (token) {
      event.detail.headers[token.header] = token.token;
    }
  });

  // Regions updated by htmx say they are busy while their request runs.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var target = event.detail.target;
    if (target) {
      target.setAttribute("aria-busy", "true");
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var target = event.detail.target;
    if (target) {
      target.removeAttribute("aria-busy");
    }
  });
})();
