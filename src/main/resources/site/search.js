/*
 * The archive's search (news-digest), in the browser, over search-index.js (window.newsDigestIndex): character
 * bigrams of every article's titles, summary, IOCs and CVE ids, after NFKC and lower case (SearchIndex.java says how
 * the index is made). Every value reaches the page as text (textContent), never as markup.
 */
"use strict";
(function () {
  var index = window.newsDigestIndex;
  var form = document.getElementById("search");
  var input = document.getElementById("q");
  var status = document.getElementById("status");
  var results = document.getElementById("results");
  var SHOWN = 200;
  if (!index || !form) {
    return;
  }
  var docs = index.docs;
  var texts = docs.map(function (d) { return normalize(d[3]); });
  var decoded = Object.create(null);

  function normalize(text) {
    return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ");
  }

  /* an IOC pasted as a digest shows it (203[.]0[.]113[.]45, hxxps://) is looked for as it is stored */
  function refang(text) {
    return text.replace(/\[\.\]/g, ".").replace(/\[:\]/g, ":").replace(/\bhxxp/gi, "http");
  }

  function postings(gram) {
    if (!(gram in decoded)) {
      var gaps = Object.prototype.hasOwnProperty.call(index.grams, gram) ? index.grams[gram] : null;
      var ids = null;
      if (gaps !== null) {
        ids = [];
        var last = 0;
        gaps.split(",").forEach(function (gap) { last += parseInt(gap, 36); ids.push(last); });
      }
      decoded[gram] = ids;
    }
    return decoded[gram];
  }

  function intersect(a, b) {
    var out = [];
    for (var i = 0, j = 0; i < a.length && j < b.length;) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) { i++; } else { j++; }
    }
    return out;
  }

  function find(query) {
    var terms = normalize(refang(query)).split(" ").filter(function (t) { return t.length > 0; });
    if (terms.length === 0) {
      return null;
    }
    var candidates = null;
    for (var t = 0; t < terms.length; t++) {
      for (var i = 0; i + 2 <= terms[t].length; i++) {
        var ids = postings(terms[t].substring(i, i + 2));
        if (ids === null) {
          return [];
        }
        candidates = candidates === null ? ids : intersect(candidates, ids);
      }
    }
    if (candidates === null) {
      candidates = docs.map(function (d, id) { return id; });
    }
    return candidates.filter(function (id) {
      return terms.every(function (term) { return texts[id].indexOf(term) >= 0; });
    });
  }

  function snippet(text, term) {
    var at = text.toLowerCase().indexOf(term);
    var from = Math.max(0, at - 40);
    var p = document.createElement("p");
    if (at < 0) {
      p.textContent = text.substring(0, 120) + (text.length > 120 ? "…" : "");
      return p;
    }
    p.appendChild(document.createTextNode((from > 0 ? "…" : "") + text.substring(from, at)));
    var mark = document.createElement("mark");
    mark.textContent = text.substring(at, at + term.length);
    p.appendChild(mark);
    var end = Math.min(text.length, at + term.length + 80);
    p.appendChild(document.createTextNode(text.substring(at + term.length, end) + (end < text.length ? "…" : "")));
    return p;
  }

  function show(query) {
    var hits = find(query);
    results.textContent = "";
    if (hits === null) {
      status.textContent = "";
      return;
    }
    status.textContent = hits.length === 0 ? status.dataset.none : status.dataset.found.replace("%d", String(hits.length));
    var first = normalize(refang(query)).split(" ").filter(function (t) { return t.length > 0; })[0];
    hits.slice(0, SHOWN).forEach(function (id) {
      var doc = docs[id];
      var li = document.createElement("li");
      var day = document.createElement("span");
      day.className = "day";
      day.textContent = doc[0];
      li.appendChild(day);
      var a = document.createElement("a");
      a.href = doc[0] + ".html" + (doc[1] ? "#" + doc[1] : "");
      a.textContent = doc[2] || doc[0];
      li.appendChild(a);
      li.appendChild(snippet(doc[3].replace(/\s+/g, " "), first));
      results.appendChild(li);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    try {
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    } catch (e) {
      /* a page opened from file: may refuse; the search still runs */
    }
    show(input.value);
  });
  input.addEventListener("input", function () { show(input.value); });
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    show(asked);
  }
})();
