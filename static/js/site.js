// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Close the "Profil" disclosure menu when focus or a click leaves it.
  document.addEventListener("click", function (event) {
    document.querySelectorAll(".nav-pages details[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute("open");
    });
  });
})();

// meetings: the "Cetak / Simpan PDF" button of the printable minutes and
// attendance list; hidden without JavaScript (the page explains Ctrl+P).
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();

// News pages: progressive enhancement only; every page works without this file.
(function () {
  "use strict";

  // View counter: one same-origin POST beacon after the article page loaded.
  // It runs also when the HTML came from a cache; bots rarely run scripts and
  // the server filters the rest (see news/services.py).
  function countView() {
    var article = document.querySelector("[data-view-url]");
    if (!article) return;
    var url = article.getAttribute("data-view-url");
    if (navigator.sendBeacon) {
      navigator.sendBeacon(url);
    } else if (window.fetch) {
      fetch(url, { method: "POST", credentials: "same-origin", keepalive: true });
    }
  }

  // "Muat lebih banyak": fetch the next page and append its items in place.
  function setUpLoadMore() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest("[data-load-more]");
      if (!link || !window.fetch || !window.DOMParser) return;
      var list = document.querySelector("[data-article-list]");
      var nav = link.closest("[data-load-more-nav]");
      if (!list || !nav) return;
      event.preventDefault();
      link.setAttribute("aria-busy", "true");
      fetch(link.href, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var newList = doc.querySelector("[data-article-list]");
          var newNav = doc.querySelector("[data-load-more-nav]");
          var first = null;
          if (newList) {
            Array.prototype.slice.call(newList.children).forEach(function (item) {
              var node = document.importNode(item, true);
              list.appendChild(node);
              if (!first) first = node;
            });
          }
          if (newNav) {
            // Only the way forward is kept: "previous" is already on screen.
            var prev = newNav.querySelector("[rel=prev]");
            if (prev) prev.remove();
            nav.replaceWith(document.importNode(newNav, true));
          } else {
            nav.remove();
          }
          var target = first && first.querySelector("h3 a, a");
          if (target) target.focus();
        })
        .catch(function () {
          // Fall back to an ordinary page load.
          window.location.href = link.href;
        });
    });
  }

  // Copy link and the Web Share API, shown only where they work.
  function setUpShare() {
    document.querySelectorAll("[data-share]").forEach(function (box) {
      var url = box.getAttribute("data-share-url");
      var title = box.getAttribute("data-share-title");
      var status = box.querySelector("[data-share-status]");
      var copyItem = box.querySelector("[data-share-copy-item]");
      var nativeItem = box.querySelector("[data-share-native-item]");
      if (copyItem && navigator.clipboard && window.isSecureContext) {
        copyItem.hidden = false;
        copyItem.querySelector("button").addEventListener("click", function () {
          navigator.clipboard.writeText(url).then(
            function () { status.textContent = "Tautan disalin."; },
            function () { status.textContent = "Tautan tidak dapat disalin: " + url; }
          );
        });
      }
      if (nativeItem && navigator.share) {
        nativeItem.hidden = false;
        nativeItem.querySelector("button").addEventListener("click", function () {
          navigator.share({ title: title, url: url }).catch(function () {});
        });
      }
    });
  }

  // YouTube: nothing from YouTube loads until the reader asks for the video.
  function setUpVideo() {
    document.querySelectorAll("[data-video-embed]").forEach(function (box) {
      var link = box.querySelector("a");
      if (!link) return;
      link.addEventListener("click", function (event) {
        var src = box.getAttribute("data-video-embed");
        if (src.indexOf("https://www.youtube-nocookie.com/embed/") !== 0) return;
        event.preventDefault();
        var frame = document.createElement("iframe");
        frame.src = src;
        frame.title = box.getAttribute("data-video-title") || "Video";
        frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
        frame.allowFullscreen = true;
        frame.referrerPolicy = "strict-origin-when-cross-origin";
        frame.className = "video-iframe";
        box.replaceChildren(frame);
        frame.focus();
      });
    });
  }

  countView();
  setUpLoadMore();
  setUpShare();
  setUpVideo();
})();
