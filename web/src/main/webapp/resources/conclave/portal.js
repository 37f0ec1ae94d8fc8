/*
 * Conclave portal: the little the pages do in the browser, from this file only (the Content-Security-Policy allows
 * no inline script). Every page works without it.
 *  - [data-copy]: copies the text of the element with that id (the passcode) and says so.
 *  - [data-sha256-from]: computes the SHA-256 of the chosen file in the browser into this field, so a report is
 *    checked by its hash without uploading it.
 */
(function () {
  "use strict";

  function copyButtons() {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function (event) {
        event.preventDefault();
        var source = document.getElementById(button.getAttribute("data-copy"));
        var status = document.getElementById(button.getAttribute("data-copy-status"));
        if (!source) {
          return;
        }
        var text = source.textContent.trim();
        var done = function () {
          if (status) {
            status.textContent = button.getAttribute("data-copied") || "Copied";
          }
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () {
            selectText(source);
          });
        } else {
          selectText(source);
          done();
        }
      });
    });
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function hashFields() {
    document.querySelectorAll("[data-sha256-from]").forEach(function (field) {
      var file = document.getElementById(field.getAttribute("data-sha256-from"));
      if (!file || !window.crypto || !window.crypto.subtle) {
        return;
      }
      file.addEventListener("change", function () {
        if (!file.files || file.files.length === 0) {
          return;
        }
        file.files[0].arrayBuffer().then(function (bytes) {
          return window.crypto.subtle.digest("SHA-256", bytes);
        }).then(function (digest) {
          field.value = Array.prototype.map.call(new Uint8Array(digest), function (b) {
            return ("0" + b.toString(16)).slice(-2);
          }).join("");
          field.dispatchEvent(new Event("change"));
          file.value = "";
        });
      });
    });
  }

  function confirmations() {
    document.querySelectorAll("[data-confirm]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        if (!window.confirm(button.getAttribute("data-confirm"))) {
          event.preventDefault();
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    copyButtons();
    hashFields();
    confirmations();
  });
}());
