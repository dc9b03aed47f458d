/* sphinx-errcodes: the filter box and the "Copy link" buttons of the
 * error-codes page (wired in sphinx_errcodes/assets.py).
 *
 * The page is complete without this script, and the controls it drives are
 * already in the markup, so nothing moves when it starts. Catalog text is only
 * ever read with textContent, and everything this script writes goes through
 * textContent too: no text becomes HTML. No network, no libraries.
 */
"use strict";

(() => {
  const QUERY_PARAMETER = "q";
  const URL_UPDATE_DELAY_MS = 300;
  const CONFIRMATION_MS = 2000;
  const NOT_A_WORD = /[^\p{L}\p{N}]+/gu;

  /* ---- Filtering --------------------------------------------------------- */

  /** The text of a category heading, without its "¶" link. */
  function headingText(heading) {
    let text = "";
    for (const child of heading.childNodes) {
      if (!(child instanceof Element && child.classList.contains("headerlink"))) {
        text += child.textContent;
      }
    }
    return text;
  }

  /** Lower case, each run of spaces and punctuation made one space, a space in front. */
  function words(text) {
    return " " + text.toLowerCase().replace(NOT_A_WORD, " ");
  }

  /** Every entry of the page, with what a query is matched against, read once. */
  function indexCatalog() {
    const categories = [];
    let total = 0;
    for (const section of document.querySelectorAll(".errcodes-category")) {
      const heading = section.querySelector(":scope > :is(h1, h2, h3, h4, h5, h6)");
      const category = heading ? headingText(heading) : "";
      const entries = [];
      for (const element of section.querySelectorAll(".errcodes-entry")) {
        const code = element.querySelector(".errcodes-code");
        const description = element.querySelector(".errcodes-description");
        entries.push({
          element,
          code: code ? code.textContent.toLowerCase() : "",
          words: words(category + " " + (description ? description.textContent : "")),
          shown: !element.hidden,
        });
      }
      categories.push({ element: section, entries, shown: !section.hidden });
      total += entries.length;
    }
    return { categories, total };
  }

  /**
   * The terms of a query. An entry matches a term when its code starts with
   * the term, or when the words of its category and description contain the
   * term's words at the start of a word ("marg" finds "Insufficient margin").
   */
  function parseQuery(query) {
    return query
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .map((term) => {
        const termWords = term.replace(NOT_A_WORD, " ").trim();
        return { code: term, words: termWords ? " " + termWords : null };
      });
  }

  function matches(entry, terms) {
    for (const term of terms) {
      if (!entry.code.startsWith(term.code) && !(term.words && entry.words.includes(term.words))) {
        return false;
      }
    }
    return true;
  }

  /** Show the entries that match every term; write to the DOM only what changes. */
  function showMatches(catalog, terms) {
    let shown = 0;
    for (const category of catalog.categories) {
      let shownInCategory = 0;
      for (const entry of category.entries) {
        const visible = matches(entry, terms);
        if (visible !== entry.shown) {
          entry.shown = visible;
          entry.element.hidden = !visible;
        }
        if (visible) shownInCategory += 1;
      }
      const visible = shownInCategory > 0;
      if (visible !== category.shown) {
        category.shown = visible;
        category.element.hidden = !visible;
      }
      shown += shownInCategory;
    }
    return shown;
  }

  function codes(count) {
    return count === 1 ? "1 code" : `${count} codes`;
  }

  function describe(shown, total, query) {
    if (!query) return codes(total);
    if (!shown) return `No codes match \u201c${query}\u201d`;
    return `${shown} of ${codes(total)}`;
  }

  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  function queryInUrl() {
    return new URLSearchParams(location.search).get(QUERY_PARAMETER) || "";
  }

  /** This page's URL with the query (none if empty) and the fragment given. */
  function urlOf(query, hash) {
    const url = new URL(location.href);
    if (query) url.searchParams.set(QUERY_PARAMETER, query);
    else url.searchParams.delete(QUERY_PARAMETER);
    url.hash = hash;
    return url.href;
  }

  function replaceUrl(href) {
    if (href !== location.href) history.replaceState(history.state, "", href);
  }

  /** The element the URL's fragment names, if it belongs to the catalog. */
  function catalogTarget() {
    let id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return null;
    }
    const target = id && document.getElementById(id);
    return target && target.closest(".errcodes-category") ? target : null;
  }

  function setUpFilter(box) {
    const input = box.querySelector(".errcodes-filter-input");
    const status = box.querySelector(".errcodes-filter-status");
    let catalog = null; // read on first use: a page that is never filtered costs nothing
    let urlTimer = 0;

    function filter(query) {
      catalog ??= indexCatalog();
      const shown = showMatches(catalog, parseQuery(query));
      setText(status, describe(shown, catalog.total, query.trim()));
    }

    /* The URL follows the box (replaceState, once typing pauses: no history
     * entry per keystroke, and browsers limit how often the URL may change).
     * Typing drops the fragment, which may name an entry the filter hides. */
    function writeQueryToUrl(hash) {
      clearTimeout(urlTimer);
      urlTimer = 0;
      replaceUrl(urlOf(input.value, hash));
    }

    function writeQueryToUrlSoon() {
      clearTimeout(urlTimer);
      urlTimer = setTimeout(writeQueryToUrl, URL_UPDATE_DELAY_MS, "");
    }

    function clear(hash) {
      input.value = "";
      filter("");
      writeQueryToUrl(hash);
    }

    /* A link to an entry (or category) the filter hides clears the filter;
     * then, or if the filter moved the entry, it is scrolled into view again,
     * below the theme's sticky header (scroll-margin-top in errcodes.css). */
    function revealTarget(filterMovedIt) {
      const target = catalogTarget();
      if (!target) return;
      if (target.closest("[hidden]")) clear(location.hash);
      else if (!filterMovedIt) return;
      target.scrollIntoView();
    }

    input.addEventListener("input", () => {
      filter(input.value);
      writeQueryToUrlSoon();
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && input.value) {
        event.preventDefault();
        clear("");
      }
    });
    window.addEventListener("popstate", () => {
      if (urlTimer) {
        // A link was followed before the URL caught up with the box: the new
        // history entry gets the query, and the filter stays.
        writeQueryToUrl(location.hash);
        return;
      }
      const query = queryInUrl();
      if (query !== input.value) {
        input.value = query;
        filter(query);
      }
    });
    window.addEventListener("hashchange", () => revealTarget(false));
    window.addEventListener("pagehide", () => {
      if (urlTimer) writeQueryToUrl("");
    });

    const initial = queryInUrl() || input.value;
    if (initial) {
      input.value = initial;
      filter(initial);
      revealTarget(true);
    }
  }

  /* ---- Copy link --------------------------------------------------------- */

  let announcer = null;

  /** Tell screen readers, through a visually hidden live region made once. */
  function announce(text) {
    if (!announcer) {
      announcer = document.createElement("div");
      announcer.className = "errcodes-visually-hidden";
      announcer.setAttribute("role", "status");
      announcer.setAttribute("aria-live", "polite");
      document.body.append(announcer);
    }
    announcer.textContent = "";
    // A change in a later task is announced even if the text is the same as before.
    setTimeout(() => {
      announcer.textContent = text;
    }, 50);
  }

  const labelTimers = new WeakMap();

  function showResult(button, label, announcement, copied) {
    clearTimeout(labelTimers.get(button));
    button.textContent = label;
    button.classList.toggle("errcodes-copied", copied);
    button.classList.toggle("errcodes-copy-failed", !copied);
    announce(announcement);
    labelTimers.set(
      button,
      setTimeout(() => {
        button.textContent = "Copy link";
        button.classList.remove("errcodes-copied", "errcodes-copy-failed");
      }, CONFIRMATION_MS),
    );
  }

  async function copyLink(button) {
    const entry = button.closest(".errcodes-entry");
    const code = entry.querySelector(".errcodes-code").textContent;
    const link = new URL(location.href);
    link.search = "";
    link.hash = entry.id;
    try {
      await navigator.clipboard.writeText(link.href);
      showResult(button, "Link copied", `Link to code ${code} copied`, true);
    } catch {
      // No clipboard (a page served over plain HTTP, a denied permission):
      // the address bar shows the link instead.
      replaceUrl(urlOf(queryInUrl(), entry.id));
      showResult(button, "Copy failed", `Could not copy; the address bar shows the link to code ${code}`, false);
    }
  }

  /* ---- Start ------------------------------------------------------------- */

  const box = document.querySelector(".errcodes-filter");
  if (box) setUpFilter(box);
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest(".errcodes-copy");
    if (button) copyLink(button);
  });
})();
