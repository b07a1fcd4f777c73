// The storefront's small additions to htmx, after those both web apps share (webapp.js: the CSRF header,
// busy regions). Everything here improves a page that already works without JavaScript; nothing is
// required to browse, buy or pay.
(function () {
  "use strict";

  // The same words as the server: "23 h 12 min left", "42 min left", "less than a minute left".
  function countdownText(seconds) {
    if (seconds <= 0) {
      return "no time left";
    }
    if (seconds < 60) {
      return "less than a minute left";
    }
    var minutes = Math.floor(seconds / 60);
    if (minutes < 60) {
      return minutes + " min left";
    }
    var hours = Math.floor(minutes / 60);
    var rest = minutes % 60;
    return rest === 0 ? hours + " h left" : hours + " h " + rest + " min left";
  }

  function startCountdowns(root) {
    root.querySelectorAll("[data-countdown]").forEach(function (element) {
      if (element.dataset.ticking) {
        return;
      }
      element.dataset.ticking = "true";
      // Counted from the seconds the server gave, so a computer whose clock is off still shows the right time.
      var deadline = Date.now() + Number(element.dataset.countdown) * 1000;
      var timer = setInterval(function () {
        if (!document.body.contains(element)) {
          clearInterval(timer);
          return;
        }
        var seconds = Math.floor((deadline - Date.now()) / 1000);
        element.textContent = countdownText(seconds);
        if (seconds <= 0) {
          clearInterval(timer);
          // The time is up: show what the server says now (it renders no countdown at zero, so this happens once).
          var panel = element.closest("[data-status-url]");
          if (panel && window.htmx) {
            window.htmx.ajax("GET", panel.dataset.statusUrl, { target: panel, swap: "outerHTML" });
          } else {
            window.location.reload();
          }
        }
      }, 1000);
    });
  }

  // "−" and "+" beside a quantity input, within its min and max.
  function addSteppers(root) {
    root.querySelectorAll("input[data-stepper]").forEach(function (input) {
      if (input.dataset.stepperReady) {
        return;
      }
      input.dataset.stepperReady = "true";
      function step(delta, label, text) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "stepper secondary outline";
        button.setAttribute("aria-label", label);
        button.textContent = text;
        button.addEventListener("click", function () {
          var min = Number(input.min || 1);
          var max = Number(input.max || 99);
          var value = Number(input.value || min) + delta;
          input.value = String(Math.min(max, Math.max(min, value)));
          input.dispatchEvent(new Event("change", { bubbles: true }));
        });
        return button;
      }
      if (input.disabled) {
        return;
      }
      input.insertAdjacentElement("beforebegin", step(-1, "One fewer", "−"));
      input.insertAdjacentElement("afterend", step(1, "One more", "+"));
    });
  }

  // Thumbnails swap the large picture in place; without JavaScript they are links to ?image=.
  document.addEventListener("click", function (event) {
    var thumb = event.target.closest("[data-gallery-thumb]");
    if (!thumb) {
      return;
    }
    var main = document.getElementById("gallery-main");
    var link = document.getElementById("gallery-main-link");
    if (!main || !link) {
      return;
    }
    event.preventDefault();
    main.src = thumb.dataset.full;
    main.alt = thumb.dataset.alt;
    link.href = thumb.dataset.full;
    document.querySelectorAll("[data-gallery-thumb]").forEach(function (other) {
      other.removeAttribute("aria-current");
    });
    thumb.setAttribute("aria-current", "true");
    history.replaceState(null, "", thumb.href);
  });

  // A confirmation as a native dialog; without JavaScript the link opens a confirmation page.
  var opener = null;
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-dialog]");
    if (link) {
      var dialog = document.getElementById(link.dataset.dialog);
      if (dialog && typeof dialog.showModal === "function") {
        event.preventDefault();
        opener = link;
        dialog.showModal();
      }
      return;
    }
    var close = event.target.closest("[data-close-dialog]");
    if (close) {
      event.preventDefault();
      close.closest("dialog").close();
    }
  });
  document.addEventListener("close", function (event) {
    if (event.target.tagName === "DIALOG" && opener) {
      opener.focus();
      opener = null;
    }
  }, true);

  // The chosen receipt is shown before it is sent, from a local blob: URL (nothing is requested).
  var previewUrl = null;
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[type=file][data-preview]")) {
      return;
    }
    var image = document.getElementById(input.dataset.preview);
    if (!image) {
      return;
    }
    if (previewUrl) {
      URL.revokeObjectURL(previewUrl);
      previewUrl = null;
    }
    var file = input.files && input.files[0];
    if (file && /^image\//.test(file.type)) {
      previewUrl = URL.createObjectURL(file);
      image.src = previewUrl;
      image.hidden = false;
    } else {
      image.removeAttribute("src");
      image.hidden = true;
    }
  });

  // The quote is asked for when a complete 5-digit zip code has been typed.
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("[data-quote-zip]")) {
      return;
    }
    if (/^[0-9]{5}$/.test(input.value) && input.dataset.quoted !== input.value && window.htmx) {
      input.dataset.quoted = input.value;
      window.htmx.trigger(input, "quote");
    }
  });

  // The catalogue's filters are open in the page, so they work without JavaScript; on a narrow screen they
  // start folded under "Filters", and they open again when the window grows wide enough to show them beside
  // the results (where the summary that would open them is hidden).
  function wideEnough(details) {
    return window.matchMedia("(min-width: " + details.dataset.foldsBelow + "px)").matches;
  }

  function foldPanels(root) {
    root.querySelectorAll("details[data-folds-below]").forEach(function (details) {
      if (!wideEnough(details)) {
        details.open = false;
      }
    });
  }

  window.addEventListener("resize", function () {
    document.querySelectorAll("details[data-folds-below]:not([open])").forEach(function (details) {
      if (wideEnough(details)) {
        details.open = true;
      }
    });
  });

  function enhance(root) {
    foldPanels(root);
    addSteppers(root);
    startCountdowns(root);
  }

  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
  });
  document.addEventListener("htmx:load", function (event) {
    enhance(event.detail.elt);
  });
})();
