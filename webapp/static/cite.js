// "Cite": without script each card has a <details> with the citation in a readonly textarea to copy
// by hand. This script puts a button before it that copies that text to the clipboard and says
// "Citation copied" in the page's live region; when the clipboard is refused, it opens the
// details and selects the text instead, so Ctrl+C finishes the job.
(function () {
  "use strict";
  var live = document.getElementById("live");

  function say(message) {
    if (!live) {
      return;
    }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  function selectByHand(details, area, button) {
    details.open = true;
    area.focus();
    area.select();
    var done = false;
    try {
      done = document.execCommand("copy");  // the old way, for a page served over plain http
    } catch (error) {
      done = false;
    }
    if (done) {
      copied(button);
    } else {
      say("The citation is selected: press Ctrl+C (or ⌘C) to copy it");
    }
  }

  function copied(button) {
    button.textContent = "Copied";
    button.classList.add("done");
    say("Citation copied");
    window.setTimeout(function () {
      button.textContent = "Cite";
      button.classList.remove("done");
    }, 2500);
  }

  function enhance(scope) {
    Array.prototype.forEach.call(scope.querySelectorAll("details.cite:not(.js-cite)"), function (details) {
      var area = details.querySelector("textarea.citation");
      if (!area) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cite-copy";
      button.textContent = "Cite";
      button.title = "Copy a citation of this passage";
      details.classList.add("js-cite");  // the summary gives way to the button
      details.parentNode.insertBefore(button, details);
      button.addEventListener("click", function () {
        var text = area.value;
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(function () { copied(button); },
                                                   function () { selectByHand(details, area, button); });
        } else {
          selectByHand(details, area, button);
        }
      });
    });
  }

  enhance(document);
  document.addEventListener("searchbody:swapped", function () { enhance(document); });
}());
