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
  const URL_UPDATE_DELAY_MS = 1000;
  const CONFIRMATION_MS = 2000;
  const WORD_CHARACTER = /[\p{L}\p{N}]/u;

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

  /**
   * Every entry of the page, with what a query is matched against, read once
   * (in lower case: its code, and its category and description together).
   * `shown` is what the DOM shows, `matched` what the last query wants. The
   * time this takes is in the browser's performance timeline, as
   * "errcodes-index" (benchmarks/filter reports it).
   */
  function indexCatalog() {
    performance.mark("errcodes-index-start");
    const categories = [];
    let total = 0;
    for (const section of document.querySelectorAll(".errcodes-category")) {
      const heading = section.querySelector(":scope > :is(h1, h2, h3, h4, h5, h6)");
      const category = heading ? headingText(heading) : "";
      const entries = [];
      for (const element of section.querySelectorAll(".errcodes-entry")) {
        const code = element.querySelector(".errcodes-code");
        const description = element.querySelector(".errcodes-description");
        const shown = !element.hidden;
        entries.push({
          element,
          code: code ? code.textContent.toLowerCase() : "",
          text: `${category} ${description ? description.textContent : ""}`.toLowerCase(),
          shown,
          matched: shown,
        });
      }
      categories.push({ element: section, entries, shown: !section.hidden });
      total += entries.length;
    }
    performance.measure("errcodes-index", "errcodes-index-start");
    return { categories, total, terms: [] };
  }

  function isWordCharacter(charCode) {
    return (
      (charCode >= 97 && charCode <= 122) || // a-z (the text is in lower case)
      (charCode >= 48 && charCode <= 57) ||
      (charCode > 127 && WORD_CHARACTER.test(String.fromCharCode(charCode)))
    );
  }

  /** Whether `term` starts a word of `text` ("marg" in "insufficient margin", not "gin"). */
  function startsAWord(text, term) {
    if (!isWordCharacter(term.charCodeAt(0))) return text.includes(term);
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      if (at === 0 || !isWordCharacter(text.charCodeAt(at - 1))) return true;
    }
    return false;
  }

  /** The terms of a query: its words, in lower case. */
  function parseQuery(query) {
    return query.toLowerCase().split(/\s+/).filter(Boolean);
  }

  /** An entry matches when, for every term, its code or a word of its category or description starts with it. */
  function matches(entry, terms) {
    for (const term of terms) {
      if (!entry.code.startsWith(term) && !startsAWord(entry.text, term)) return false;
    }
    return true;
  }

  /**
   * Whether every entry that matches `terms` matched `previous` (each
   * previous term is the start of the term in its place, as when typing on):
   * then only the entries that matched need checking again.
   */
  function narrows(terms, previous) {
    return terms.length >= previous.length && previous.every((term, index) => terms[index].startsWith(term));
  }

  /**
   * Show the entries that match every term, and the categories that have
   * one. Only what changes is written to the DOM, and the entries of a hidden
   * category are left as they are until it shows again: clearing a query that
   * matched nothing writes nothing but the categories.
   */
  function showMatches(catalog, terms) {
    const narrowing = narrows(terms, catalog.terms);
    catalog.terms = terms;
    let shown = 0;
    for (const category of catalog.categories) {
      let matchedInCategory = 0;
      for (const entry of category.entries) {
        if (entry.matched || !narrowing) entry.matched = matches(entry, terms);
        if (entry.matched) matchedInCategory += 1;
      }
      const visible = matchedInCategory > 0;
      if (visible) {
        for (const entry of category.entries) {
          if (entry.matched !== entry.shown) {
            entry.shown = entry.matched;
            entry.element.hidden = !entry.matched;
          }
        }
      }
      if (visible !== category.shown) {
        category.shown = visible;
        category.element.hidden = !visible;
      }
      shown += matchedInCategory;
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
    let catalog = null;
    let urlTimer = 0;

    function filter(query) {
      catalog ??= indexCatalog();
      const shown = showMatches(catalog, parseQuery(query));
      setText(status, describe(shown, catalog.total, query.trim()));
    }

    /* The URL follows the box with replaceState once typing pauses, or when
     * the box loses focus (to the address bar, say): no history entry per
     * keystroke, browsers limit how often the URL may change, and on a page
     * with thousands of links a change costs the browser a moment. Typing
     * drops the fragment, which may name an entry the filter hides. */
    function writeQueryToUrl(hash) {
      clearTimeout(urlTimer);
      urlTimer = 0;
      replaceUrl(urlOf(input.value, hash));
    }

    function writeQueryToUrlSoon() {
      clearTimeout(urlTimer);
      urlTimer = setTimeout(writeQueryToUrl, URL_UPDATE_DELAY_MS, "");
    }

    function clear() {
      input.value = "";
      filter("");
    }

    input.addEventListener("input", () => {
      filter(input.value);
      writeQueryToUrlSoon();
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && input.value) {
        event.preventDefault();
        clear();
        writeQueryToUrlSoon();
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
    for (const [target, type] of [[input, "blur"], [window, "pagehide"]]) {
      target.addEventListener(type, () => {
        if (urlTimer) writeQueryToUrl("");
      });
    }

    const initial = queryInUrl() || input.value;
    if (initial) {
      input.value = initial;
      filter(initial);
    } else {
      // Read the catalog while the browser is idle, not on the first keystroke.
      const prepare = () => {
        catalog ??= indexCatalog();
      };
      if (window.requestIdleCallback) requestIdleCallback(prepare, { timeout: 2000 });
      else setTimeout(prepare, 500);
    }

    /** A link to an entry (or category) the filter hides clears the filter. */
    return function uncover(target) {
      if (target.closest("[hidden]")) {
        clear();
        writeQueryToUrl(location.hash);
      }
    };
  }

  /* ---- Links to entries -------------------------------------------------- */

  /**
   * Bring the linked entry to the top of the window, below the theme's sticky
   * header (scroll-margin-top in errcodes.css). The browser sizes the entries
   * it has not laid out yet by an estimate (content-visibility in
   * errcodes.css), so the entry moves once those around it are laid out:
   * scroll again until it has stayed put for a few frames (half a second at
   * most), unless the reader takes over.
   */
  function settleOn(target) {
    let top = null;
    let stillFrames = 0;
    let framesLeft = 30;
    const readerTakesOver = new AbortController();
    for (const type of ["wheel", "touchstart", "keydown", "mousedown"]) {
      window.addEventListener(type, () => readerTakesOver.abort(), { once: true, passive: true, signal: readerTakesOver.signal });
    }
    const step = () => {
      if (readerTakesOver.signal.aborted) return;
      if (top === null || Math.abs(target.getBoundingClientRect().top - top) >= 1) {
        target.scrollIntoView({ behavior: "instant", block: "start" });
        top = target.getBoundingClientRect().top;
        stillFrames = 0;
      } else {
        stillFrames += 1;
      }
      framesLeft -= 1;
      if (stillFrames < 3 && framesLeft > 0) requestAnimationFrame(step);
      else readerTakesOver.abort();
    };
    step();
  }

  function goToTarget(uncover) {
    const target = catalogTarget();
    if (!target) return;
    if (uncover) uncover(target);
    settleOn(target);
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
  const uncover = box ? setUpFilter(box) : null;
  window.addEventListener("hashchange", () => goToTarget(uncover));
  if (document.readyState === "complete") goToTarget(uncover);
  else window.addEventListener("load", () => goToTarget(uncover), { once: true });
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest(".errcodes-copy");
    if (button) copyLink(button);
  });
})();
