// The admin app's small additions to htmx, after those both web apps share (webapp.js: the CSRF header,
// busy regions). Everything here improves a page that already works without JavaScript: every form
// posts and every confirmation has a page of its own.
(function () {
  "use strict";

  // ---------------------------------------------------------------- confirmations in a native dialog
  // A link with data-confirm opens the dialog instead of its confirmation page; the dialog's form
  // posts to the link's own URL, as the page's form would. A form with data-confirm asks first too.
  var dialog = null;
  var opener = null;
  var pendingForm = null;

  function ask(source, text, title, button, action) {
    dialog = document.getElementById("confirm-dialog");
    if (!dialog || typeof dialog.showModal !== "function") {
      return false;
    }
    document.getElementById("confirm-dialog-title").textContent = title || "Are you sure?";
    document.getElementById("confirm-dialog-text").textContent = text;
    document.getElementById("confirm-dialog-button").textContent = button || "Confirm";
    document.getElementById("confirm-dialog-form").action = action;
    opener = source;
    dialog.showModal();
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-confirm]");
    if (link) {
      if (ask(link, link.dataset.confirm, link.dataset.confirmTitle, link.dataset.confirmButton, link.href)) {
        event.preventDefault();
        pendingForm = null;
      }
      return;
    }
    var close = event.target.closest("[data-close-dialog]");
    if (close) {
      event.preventDefault();
      close.closest("dialog").close();
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.id === "confirm-dialog-form" && pendingForm) {
      // The dialog confirms a form of the page: that form is sent, marked as confirmed.
      event.preventDefault();
      var confirmed = pendingForm.querySelector("input[name=confirmed]");
      if (confirmed) {
        confirmed.value = "true";
      }
      var original = pendingForm;
      pendingForm = null;
      dialog.close();
      original.submit();
      return;
    }
    if (form.dataset && form.dataset.confirm !== undefined) {
      var confirmedField = form.querySelector("input[name=confirmed]");
      if (confirmedField && confirmedField.value === "true") {
        return;
      }
      // A required field is still empty (a rejection without its note): nothing to confirm yet, the page
      // answers with the message next to the field.
      if (!form.checkValidity()) {
        return;
      }
      if (ask(event.submitter || form, form.dataset.confirm, form.dataset.confirmTitle, form.dataset.confirmButton, form.action)) {
        event.preventDefault();
        pendingForm = form;
      }
    }
  }, true);

  document.addEventListener("close", function (event) {
    if (event.target.tagName === "DIALOG" && opener) {
      opener.focus();
      opener = null;
    }
  }, true);

  // ---------------------------------------------------------------- "Add attribute" on the product form
  function addAttributeButtons(root) {
    root.querySelectorAll("[data-other-attributes]").forEach(function (box) {
      if (box.dataset.ready) {
        return;
      }
      box.dataset.ready = "true";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "secondary outline";
      button.textContent = "Add attribute";
      button.addEventListener("click", function () {
        var rows = box.querySelectorAll(".row");
        var last = rows[rows.length - 1];
        var index = rows.length;
        var copy = last.cloneNode(true);
        copy.querySelectorAll("input, label").forEach(function (element) {
          ["id", "name", "for", "aria-describedby"].forEach(function (attribute) {
            var value = element.getAttribute(attribute);
            if (value) {
              element.setAttribute(attribute, value.replace(/_\d+/, "_" + index));
            }
          });
          if (element.tagName === "INPUT") {
            element.value = "";
            element.removeAttribute("aria-invalid");
          }
          if (element.tagName === "LABEL") {
            element.textContent = element.textContent.replace(/\d+/, String(index + 1));
          }
        });
        copy.querySelectorAll(".field-error").forEach(function (error) {
          error.remove();
        });
        last.insertAdjacentElement("afterend", copy);
        copy.querySelector("input").focus();
      });
      box.appendChild(button);
    });
  }

  // ---------------------------------------------------------------- charts from the figures on the page
  // Each canvas names the table whose rows it draws: the label in the row header, the amount in data-value.
  var reducedMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function drawCharts(root) {
    if (!window.Chart) {
      return;
    }
    root.querySelectorAll("canvas[data-chart-table]").forEach(function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      var table = document.getElementById(canvas.dataset.chartTable);
      if (!table) {
        return;
      }
      var labels = [];
      var values = [];
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var label = row.querySelector("th");
        var value = row.querySelector("[data-value]");
        if (label && value) {
          labels.push(label.textContent.trim());
          values.push(Number(value.dataset.value));
        }
      });
      canvas.dataset.drawn = "true";
      new window.Chart(canvas, {
        type: "bar",
        data: { labels: labels, datasets: [{ label: "Revenue", data: values, backgroundColor: "#0b5cad" }] },
        options: {
          animation: reducedMotion ? false : { duration: 300 },
          plugins: { legend: { display: false } },
          scales: {
            y: {
              beginAtZero: true,
              ticks: {
                callback: function (value) {
                  return "$" + Number(value).toLocaleString("en-US");
                }
              }
            }
          }
        }
      });
    });
  }

  // ---------------------------------------------------------------- "To" offers the warehouses other than "From"
  function otherThan(root) {
    root.querySelectorAll("select[data-other-than]").forEach(function (to) {
      var from = document.getElementById(to.dataset.otherThan);
      if (!from || to.dataset.ready) {
        return;
      }
      to.dataset.ready = "true";
      function sync() {
        Array.prototype.forEach.call(to.options, function (option) {
          var same = option.value !== "" && option.value === from.value;
          option.disabled = same;
          option.hidden = same;
          if (same && option.selected) {
            to.value = "";
          }
        });
      }
      from.addEventListener("change", sync);
      sync();
    });
  }

  function enhance(root) {
    addAttributeButtons(root);
    otherThan(root);
    drawCharts(root);
  }

  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
  });
  document.addEventListener("htmx:load", function (event) {
    enhance(event.detail.elt);
  });
})();
