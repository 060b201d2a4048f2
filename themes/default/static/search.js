// Search over the term-sharded index in /zoeken/index/ (see src/search/mod.rs).
// A query fetches the shards of its words, their document sets, the sets of the
// chosen filters and the result chunks it shows; nothing else. No framework;
// the page works without this script.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form || !window.fetch || !window.Uint32Array) return;
  var $ = function (id) { return document.getElementById(id); };
  var q = $("q"), list = $("results"), status = $("search-status"), heading = $("results-heading"),
      more = $("search-more"), help = $("search-help"), t = form.dataset,
      base = (t.root || "/").replace(/\/$/, ""),
      en = document.documentElement.lang === "en",
      prefix = base + (en ? "/en" : ""),
      dir = base + "/zoeken/index/",
      facets = ["wijk", "uitkomst", "stand", "jaar"];
  var PAGE = 20, cache = {}, manifest = null, shown = [], hits = [], chunks = {};
  form.hidden = false;
  $("search-nojs").hidden = true;

  // Exactly as the index folds words (src/search/text.rs): NFKD, no marks, lowercase.
  function fold(s) { return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase(); }
  function words(s) {
    var seen = {}, out = [];
    fold(s).split(/[^\p{L}\p{N}]+/u).forEach(function (w) { if (w && !seen[w]) { seen[w] = 1; out.push(w); } });
    return out;
  }
  function file(w) { return w.replace(/[^a-z0-9-]/gu, function (c) { return "_" + c.codePointAt(0).toString(16) + "_"; }); }
  function start(w, n) { return Array.from(w).slice(0, n).join(""); }
  function get(url, kind) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (r.status === 404) return null;
        if (!r.ok) throw new Error(r.status);
        return kind === "json" ? r.json() : r.arrayBuffer().then(function (b) { return new Uint8Array(b); });
      });
    }
    return cache[url];
  }

  // Document sets as bitmaps over the manifest's n documents.
  function empty() { return new Uint32Array((manifest.n + 31) >>> 5); }
  function full() { var b = empty(); b.fill(0xffffffff); return b; }
  // Reads one encoded set (src/search/postings.rs) at bytes[at.i] into a bitmap.
  function decode(bytes, at) {
    function read() { var n = 0, s = 0, b; do { b = bytes[at.i++]; n += (b & 127) * Math.pow(2, s); s += 7; } while (b > 127); return n; }
    var set = empty(), kind = bytes[at.i++], n, i, d;
    if (kind === 0) {
      n = read(); d = -1;
      for (i = 0; i < n; i++) { d += read() + 1; set[d >>> 5] |= 1 << (d & 31); }
    } else if (kind === 1) {
      n = read();
      for (i = 0; i < n; i++) { var byte = bytes[at.i + i]; if (byte) set[i >>> 2] |= byte << ((i & 3) * 8); }
      at.i += n;
    } else {
      n = read(); var end = 0;
      for (i = 0; i < n; i++) {
        var s = end + read(), len = read();
        for (d = s; d < s + len; d++) set[d >>> 5] |= 1 << (d & 31);
        end = s + len;
      }
    }
    return set;
  }
  function and(a, b) { var o = new Uint32Array(a.length); for (var i = 0; i < a.length; i++) o[i] = a[i] & b[i]; return o; }
  function or(a, b) { for (var i = 0; i < a.length; i++) a[i] |= b[i]; return a; }
  function count(a) { var c = 0; for (var i = 0; i < a.length; i++) { var v = a[i] - ((a[i] >>> 1) & 0x55555555); v = (v & 0x33333333) + ((v >>> 2) & 0x33333333); c += (((v + (v >>> 4)) & 0xf0f0f0f) * 0x1010101) >>> 24; } return c; }
  function has(a, d) { return (a[d >>> 5] >>> (d & 31)) & 1; }

  // The shard that lists `w`: two letters, one more for each split shard.
  function shard(w, n) {
    n = n || 2;
    return get(dir + "w/" + file(start(w, n)) + ".json", "json").then(function (s) {
      if (s && s.s && Array.from(w).length > n) return shard(w, n + 1);
      return s || { k: {}, a: {} };
    });
  }
  // A key's documents: { all, title } bitmaps, or null.
  function key(k) {
    return shard(k).then(function (s) {
      var e = s.k[k];
      if (!e) return null;
      var bytes = e[1] === 1 ? get(dir + "p/" + file(k) + ".bin") : Promise.resolve(Uint8Array.from(atob(e[1]), function (c) { return c.charCodeAt(0); }));
      return bytes.then(function (b) { var at = { i: 0 }; return { all: decode(b, at), title: decode(b, at), n: e[0] }; });
    });
  }
  // The keys a query word names: itself, its stems, or, for a word not in the
  // index, the words it begins (up to eight, the most frequent first).
  function term(w) {
    return shard(w).then(function (s) {
      var keys = [];
      if (s.k[w]) keys.push(w);
      (s.a[w] || []).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); });
      if (!keys.length && Array.from(w).length >= 3) {
        var found = Object.keys(s.k).filter(function (k) { return k.lastIndexOf(w, 0) === 0; });
        Object.keys(s.a).forEach(function (a) { if (a.lastIndexOf(w, 0) === 0) s.a[a].forEach(function (k) { if (found.indexOf(k) < 0) found.push(k); }); });
        keys = found.sort(function (a, b) { return ((s.k[b] || [0])[0] - (s.k[a] || [0])[0]); }).slice(0, 8);
      }
      return Promise.all(keys.map(key)).then(function (sets) {
        var r = { all: empty(), title: empty(), w: w, shard: s };
        sets.forEach(function (x) { if (x) { or(r.all, x.all); or(r.title, x.title); } });
        return r;
      });
    });
  }
  function filters() {
    var chosen = facets.filter(function (f) { return $("f-" + f).value; });
    return Promise.all(chosen.map(function (f) {
      return get(dir + "f/" + f + "-" + file($("f-" + f).value) + ".bin").then(function (b) { return b ? decode(b, { i: 0 }) : empty(); });
    }));
  }

  function optionLabel(id, value) {
    var s = $(id);
    for (var i = 0; i < s.options.length; i++) if (s.options[i].value === value) return s.options[i].text;
    return value;
  }
  function describe(d) {
    if (d.k === "n") return [t.news, new Date(d.d).toLocaleDateString(en ? "en-GB" : "nl-NL", { day: "numeric", month: "long", year: "numeric" })];
    if (d.k === "p") return [t.page];
    var parts = [d.n + " " + d.y, optionLabel("f-uitkomst", d.o)];
    if (d.s) parts.push(optionLabel("f-stand", d.s));
    parts.push(d.p);
    return parts;
  }
  function doc(i) {
    var c = Math.floor(i / manifest.c);
    if (!chunks[c]) chunks[c] = get(dir + "d/" + c + ".json", "json");
    return chunks[c].then(function (docs) { return docs[i % manifest.c]; });
  }
  function showMore(focus) {
    var next = hits.slice(shown.length, shown.length + PAGE);
    return Promise.all(next.map(doc)).then(function (docs) {
      var first = null;
      docs.forEach(function (d) {
        var li = document.createElement("li"), h = document.createElement("h3"), a = document.createElement("a"), p = document.createElement("p");
        a.href = prefix + d.u;
        a.textContent = en && d.e ? d.e : d.t;
        if (en && !d.e && d.k === "v") { a.lang = "nl"; }
        h.appendChild(a); li.appendChild(h);
        p.textContent = describe(d).join(" · ");
        li.appendChild(p); list.appendChild(li);
        first = first || a;
      });
      shown = shown.concat(next);
      more.hidden = shown.length >= hits.length;
      if (focus && first) first.focus();
    });
  }
  function link(label, params) {
    var a = document.createElement("a");
    a.href = "?" + new URLSearchParams(params).toString();
    a.textContent = label;
    a.addEventListener("click", function (e) {
      e.preventDefault();
      q.value = params.q || "";
      facets.forEach(function (f) { $("f-" + f).value = params[f] || ""; });
      submit();
    });
    return a;
  }
  function item(ul, nodes) {
    var li = document.createElement("li");
    nodes.forEach(function (n) { li.appendChild(typeof n === "string" ? document.createTextNode(n) : n); });
    ul.appendChild(li);
  }
  // No hits: say what to try next, from what the query already loaded.
  function suggest(terms, sets, filtered) {
    help.textContent = "";
    var p = document.createElement("p"), ul = document.createElement("ul");
    p.textContent = t.nohits;
    help.appendChild(p);
    var text = terms.join(" "), unfiltered = full();
    sets.forEach(function (s) { unfiltered = and(unfiltered, s.all); });
    if (filtered && terms.length) {
      var n = count(unfiltered);
      if (n) item(ul, [link(t.tryUnfiltered.replace("{n}", n), { q: text })]);
    }
    if (terms.length > 1) {
      sets.forEach(function (s) {
        var n = count(s.all);
        if (n) item(ul, [link(t.tryWord.replace("{w}", s.w).replace("{n}", n), { q: s.w })]);
      });
    }
    sets.forEach(function (s) {
      if (count(s.all)) return;
      var close = Object.keys(s.shard.k).concat(Object.keys(s.shard.a)).filter(function (k) { return k !== s.w && near(k, s.w); })
        .sort(function (a, b) { return ((s.shard.k[b] || [0])[0] - (s.shard.k[a] || [0])[0]); }).slice(0, 3);
      close.forEach(function (k) { item(ul, [link(t.tryInstead.replace("{w}", k), { q: text.replace(s.w, k) })]); });
    });
    item(ul, [t.tryBrowse + " ", a(t.neighbourhoodsUrl, t.neighbourhoods), ", ", a(t.topicsUrl, t.topics), ", ", a(t.partnersUrl, t.partners), "."]);
    help.appendChild(ul);
    help.hidden = false;
  }
  function a(href, text) { var e = document.createElement("a"); e.href = href; e.textContent = text; return e; }
  // Within two edits, for "did you mean".
  function near(x, y) {
    if (Math.abs(x.length - y.length) > 2) return false;
    var prev = [], cur, i, j;
    for (j = 0; j <= y.length; j++) prev[j] = j;
    for (i = 1; i <= x.length; i++) {
      cur = [i];
      for (j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      prev = cur;
    }
    return prev[y.length] <= 2;
  }

  var running = 0;
  function run(focus) {
    var mine = ++running, terms = words(q.value);
    list.textContent = ""; help.hidden = true; more.hidden = true; shown = []; hits = [];
    var chosen = facets.some(function (f) { return $("f-" + f).value; });
    if (!terms.length && !chosen) { status.textContent = t.empty; heading.hidden = true; return Promise.resolve(); }
    status.textContent = t.loading;
    return Promise.all([Promise.all(terms.map(term)), filters()]).then(function (r) {
      if (mine !== running) return;
      var sets = r[0], hit = full();
      sets.forEach(function (s) { hit = and(hit, s.all); });
      r[1].forEach(function (f) { hit = and(hit, f); });
      // Most query words in the title first; then index order (newest first).
      var byScore = [];
      for (var w = 0; w < hit.length; w++) {
        var bits = hit[w];
        while (bits) {
          var low = bits & -bits, d = w * 32 + (31 - Math.clz32(low)), score = 0;
          bits ^= low;
          if (d >= manifest.n) break;
          for (var i = 0; i < sets.length; i++) score += has(sets[i].title, d);
          (byScore[score] = byScore[score] || []).push(d);
        }
      }
      for (var s = byScore.length - 1; s >= 0; s--) hits = hits.concat(byScore[s] || []);
      // The count is announced once the results are on the screen.
      function done() {
        heading.hidden = false;
        status.textContent = (hits.length === 1 ? t.one : t.many).replace("{n}", hits.length);
        if (focus) heading.focus();
      }
      if (!hits.length) { suggest(terms, sets, chosen); done(); return; }
      return showMore(false).then(function () { if (mine === running) done(); });
    }).catch(function () { status.textContent = t.failed; });
  }
  function submit() {
    var params = new URLSearchParams();
    if (q.value) params.set("q", q.value);
    facets.forEach(function (f) { if ($("f-" + f).value) params.set(f, $("f-" + f).value); });
    history.replaceState(null, "", "?" + params.toString());
    return ready.then(function () { return run(true); });
  }
  var ready = get(dir + "manifest.json", "json").then(function (m) { manifest = m; });
  var params = new URLSearchParams(location.search);
  q.value = params.get("q") || "";
  facets.forEach(function (f) { if (params.get(f)) $("f-" + f).value = params.get(f); });
  if (q.value || facets.some(function (f) { return params.get(f); })) ready.then(function () { run(false); });
  ready.catch(function () { status.textContent = t.failed; });
  form.addEventListener("submit", function (e) { e.preventDefault(); submit(); });
  more.addEventListener("click", function () { showMore(true); });
})();
