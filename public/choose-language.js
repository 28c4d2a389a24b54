// English for browsers that prefer English over Chinese; everyone else gets Simplified Chinese.
(function () {
  var langs = navigator.languages || [navigator.language || ''];
  var en = false;
  for (var i = 0; i < langs.length; i++) {
    var l = String(langs[i]).toLowerCase();
    if (l.indexOf('zh') === 0) break;
    if (l.indexOf('en') === 0) { en = true; break; }
  }
  location.replace(en ? '/en/' : '/zh-cn/');
})();
