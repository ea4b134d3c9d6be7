// briefbook serve: reload the page when its source is rebuilt (server-sent
// events), and build a file dropped onto the page or picked with "Open a
// file…". Plain script, no framework; served as a file so that the
// Content-Security-Policy needs no inline script. The briefing page is
// XHTML, whose parser ignores defer: the script waits for the body itself.
function bbStart() {
  "use strict";
  var body = document.body;
  document.documentElement.className += " bb-js";

  var live = body.getAttribute("data-live");
  if (live && window.EventSource) {
    var doc = body.getAttribute("data-doc");
    var events = new EventSource("/events");
    events.addEventListener("change", function (e) {
      if (live === "index" || e.data === doc) {
        location.reload();
      }
    });
    events.addEventListener("list", function () {
      if (live === "index") {
        location.reload();
      }
    });
    window.addEventListener("pagehide", function () { events.close(); });
  }

  var form = document.getElementById("bb-upload");
  if (!form) {
    return;
  }
  var input = form.querySelector("input[type=file]");
  var send = function () {
    body.classList.add("bb-sending");
    form.submit();
  };
  input.addEventListener("change", function () {
    if (input.files.length > 0) {
      send();
    }
  });
  var depth = 0;
  var hasFiles = function (e) {
    return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, "Files") >= 0;
  };
  document.addEventListener("dragenter", function (e) {
    if (hasFiles(e)) {
      depth++;
      body.classList.add("bb-dragging");
      e.preventDefault();
    }
  });
  document.addEventListener("dragover", function (e) {
    if (hasFiles(e)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
    }
  });
  document.addEventListener("dragleave", function () {
    depth = Math.max(0, depth - 1);
    if (depth === 0) {
      body.classList.remove("bb-dragging");
    }
  });
  document.addEventListener("drop", function (e) {
    depth = 0;
    body.classList.remove("bb-dragging");
    if (hasFiles(e) && e.dataTransfer.files.length > 0) {
      e.preventDefault();
      input.files = e.dataTransfer.files;
      send();
    }
  });
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", bbStart);
} else {
  bbStart();
}
