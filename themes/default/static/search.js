// Search over the static index in /zoeken/index/. No framework; the page works without it.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form || !window.fetch) return;
  var q = document.getElementById("q"), nb = document.getElementById("f-wijk"),
      oc = document.getElementById("f-uitkomst"), yr = document.getElementById("f-jaar"),
      list = document.getElementById("results"), status = document.getElementById("search-status"),
      t = form.dataset,
      // Where the site lives on its host ("/wijkcontracten"); the index has site-relative URLs.
      base = (t.root || "/").replace(/\/$/, ""),
      prefix = base + (document.documentElement.lang === "en" ? "/en" : "");
  var manifest = null, shards = {};
  form.hidden = false;
  document.getElementById("search-nojs").hidden = true;

  // Lowercase and fold diacritics, so that "een" finds "één".
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function words(s) { return fold(s).split(/[^a-z0-9]+/).filter(Boolean); }

  function load(url) { return fetch(url).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); }); }
  function shard(info) {
    if (!shards[info.slug]) {
      shards[info.slug] = load(base + info.file).then(function (docs) {
        docs.forEach(function (d) { d.n = info.name; d.w = words(d.t + " " + d.x + " " + d.p + " " + d.h + " " + info.name); d.tw = words(d.t); });
        return docs;
      });
    }
    return shards[info.slug];
  }
  function label(select, value) {
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) return select.options[i].text;
    return value;
  }
  function matches(words, term) {
    for (var i = 0; i < words.length; i++) if (words[i].lastIndexOf(term, 0) === 0) return true;
    return false;
  }
  function run() {
    var terms = words(q.value);
    var wanted = manifest.shards.filter(function (s) { return !nb.value || s.slug === nb.value; });
    status.textContent = t.loading;
    Promise.all(wanted.map(shard)).then(function (all) {
      var hits = [];
      all.forEach(function (docs) {
        docs.forEach(function (d) {
          if (oc.value && d.o !== oc.value) return;
          if (yr.value && String(d.y) !== yr.value) return;
          var score = 0;
          for (var i = 0; i < terms.length; i++) {
            if (matches(d.tw, terms[i])) score += 2; else if (matches(d.w, terms[i])) score += 1; else return;
          }
          hits.push({ d: d, s: score });
        });
      });
      hits.sort(function (a, b) { return b.s - a.s || b.d.y - a.d.y || (a.d.t < b.d.t ? -1 : 1); });
      list.textContent = "";
      hits.slice(0, 100).forEach(function (h) {
        var li = document.createElement("li"), a = document.createElement("a"), p = document.createElement("p");
        a.href = prefix + h.d.u; a.textContent = h.d.t;
        var head = document.createElement("h2"); head.appendChild(a); li.appendChild(head);
        p.textContent = h.d.n + " " + h.d.y + " · " + label(oc, h.d.o) + " · " + h.d.p;
        li.appendChild(p); list.appendChild(li);
      });
      status.textContent = (hits.length === 1 ? t.one : t.many).replace("{n}", hits.length);
    }).catch(function () { status.textContent = t.failed; });
  }
  load(base + "/zoeken/index/manifest.json").then(function (m) {
    manifest = m;
    var params = new URLSearchParams(location.search);
    if (params.get("q")) { q.value = params.get("q"); }
    ["wijk", "uitkomst", "jaar"].forEach(function (k) { var el = document.getElementById("f-" + k); if (params.get(k)) el.value = params.get(k); });
    if (q.value) run();
  }).catch(function () { status.textContent = t.failed; });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (!manifest) return;
    var params = new URLSearchParams();
    if (q.value) params.set("q", q.value);
    if (nb.value) params.set("wijk", nb.value);
    if (oc.value) params.set("uitkomst", oc.value);
    if (yr.value) params.set("jaar", yr.value);
    history.replaceState(null, "", "?" + params.toString());
    run();
  });
})();
