// Filters without reloads. Without this script every control is a plain link or form that loads a
// new page. With it, ticking a facet, the switches, sort, pager, histogram bars and chips fetch the
// same URL with fragment=1 (the server renders only templates/_search_body.html), swap it in,
// push the URL to history (Back restores it), keep focus where it was and announce the new total
// in the page's one live region (#live, outside what is swapped, so it is never recreated).
(function () {
  "use strict";
  var root = document.documentElement;
  var live = document.getElementById("live");
  var pending = null;  // the request in flight: a newer action cancels it
  var PHONE = window.matchMedia("(max-width: 760px)");

  if (!document.getElementById("search-body") || !window.fetch || !window.history.pushState) {
    closeFiltersOnPhone();
    return;
  }
  root.classList.add("js-facets");  // hides "Apply filters": a tick applies itself
  closeFiltersOnPhone();
  history.replaceState({searchBody: true}, "", location.href);

  // On a phone the quotes come first: the filter panel starts closed (one tap opens it).
  function closeFiltersOnPhone() {
    var filters = document.getElementById("filters");
    if (filters && PHONE.matches) {
      filters.open = false;
    }
  }

  function body() {
    return document.getElementById("search-body");
  }

  function isSearchLink(link) {
    return link.origin === location.origin && (link.pathname === "/search" || link.pathname === "/")
      && link.search !== "" && !link.hasAttribute("download") && !link.target;
  }

  function formUrl(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value !== "") {  // an empty date box means no limit, not from=""
        params.append(name, value);
      }
    });
    var query = params.toString();
    return "/search" + (query ? "?" + query : "");
  }

  function fragmentUrl(url) {
    var target = new URL(url, location.href);
    target.searchParams.set("fragment", "1");
    return target.toString();
  }

  // Which element to focus after the swap: the same control (by id) when it is still there.
  function load(url, focusId, push) {
    if (pending) {
      pending.abort();
    }
    var controller = new AbortController();
    pending = controller;
    body().setAttribute("aria-busy", "true");
    fetch(fragmentUrl(url), {signal: controller.signal, headers: {Accept: "text/html"},
                             credentials: "same-origin"})
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("text/html") !== 0) {
          throw new Error("not a page");
        }
        return response.text();
      })
      .then(function (html) {
        var parsed = new DOMParser().parseFromString(html, "text/html");
        var fresh = parsed.getElementById("search-body");
        if (!fresh) {
          throw new Error("no results in the answer");
        }
        if (pending !== controller) {
          return;
        }
        pending = null;
        swap(fresh, focusId);
        var box = document.getElementById("q");  // "Did you mean" and Back may change the query
        if (box) {
          box.value = new URL(url, location.href).searchParams.get("q") || "";
        }
        if (push) {
          history.pushState({searchBody: true}, "", url);
        }
      })
      .catch(function (error) {
        if (error.name === "AbortError") {
          return;
        }
        window.location.assign(url);  // a rate limit, an error page, the network: load it whole
      });
  }

  function swap(fresh, focusId) {
    var old = body();
    var filters = document.getElementById("filters");
    var filtersOpen = filters ? filters.open : null;
    var openMore = Array.prototype.map.call(old.querySelectorAll("details[id^='more-'][open]"),
                                            function (d) { return d.id; });
    var scrollY = window.scrollY;
    old.replaceWith(document.importNode(fresh, true));
    var now = body();
    if (now.dataset.title) {
      document.title = now.dataset.title;
    }
    var newFilters = document.getElementById("filters");
    if (newFilters && filtersOpen !== null) {
      newFilters.open = filtersOpen;
    }
    openMore.forEach(function (id) {
      var more = document.getElementById(id);
      if (more) {
        more.open = true;
      }
    });
    updateSkipLink(now);
    document.dispatchEvent(new CustomEvent("searchbody:swapped"));
    restoreFocus(focusId, scrollY);
    announce(now);
  }

  function restoreFocus(focusId, scrollY) {
    var target = focusId && document.getElementById(focusId);
    if (target && !target.matches("a, input, button, summary, textarea, select")) {
      target = target.querySelector("a[href]");
    }
    if (target) {
      var closed = target.closest("details:not([open])");
      while (closed) {  // a value that moved under "N more" or a closed panel: open it
        closed.open = true;
        closed = closed.parentElement && closed.parentElement.closest("details:not([open])");
      }
      window.scrollTo(0, scrollY);
      target.focus({preventScroll: true});
      if (target.getBoundingClientRect().top < 0 || target.getBoundingClientRect().bottom > window.innerHeight) {
        target.scrollIntoView({block: "nearest"});
      }
      return;
    }
    var results = document.getElementById("results");
    if (results) {
      results.focus({preventScroll: true});
      results.scrollIntoView({block: "start"});
    }
  }

  function announce(now) {
    var total = now.querySelector("#results-title");
    var message = total ? total.textContent.trim() : "";
    if (!live || !message) {
      return;
    }
    live.textContent = "";  // the same text twice is still announced
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  function updateSkipLink(now) {
    var skip = document.querySelector("a.skip");
    var hasHits = !!now.querySelector("ol.hits");
    if (skip) {
      skip.setAttribute("href", hasHits ? "#results" : "#main");
      skip.textContent = hasHits ? "Skip to results" : "Skip to content";
    }
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (box.type === "checkbox" && box.form && box.form.id === "facet-form") {
      load(formUrl(box.form), box.id, true);
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.id === "facet-form") {
      event.preventDefault();
      var focused = document.activeElement;
      load(formUrl(form), focused && focused.id ? focused.id : null, true);
    }
  });

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
        || event.altKey) {
      return;  // a new tab or window is the browser's business
    }
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || !body() || !body().contains(link) || !isSearchLink(link)) {
      return;
    }
    event.preventDefault();
    // the same link by its id, else the first link of the same group (a switch: its other state)
    var holder = link.id ? link : link.closest(".toggle[id]");
    load(link.href, holder ? holder.id : null, true);
  });

  window.addEventListener("popstate", function (event) {
    if (event.state && event.state.searchBody) {
      load(location.href, null, false);
    }
  });
}());
