// The colour theme: "auto" follows the browser's prefers-color-scheme; "light" or "dark", chosen with the header's
// toggle, is remembered in localStorage and set as <html data-theme> (vigil.css reads it). Loaded in <head>, not
// deferred, so the stored choice is applied before the first paint and a dark page never flashes light.
(function () {
  'use strict';
  var KEY = 'vigil-theme';
  var CHOICES = ['auto', 'light', 'dark'];
  var root = document.documentElement;
  var stored = function () {
    try {
      var t = localStorage.getItem(KEY);
      return CHOICES.indexOf(t) > 0 ? t : 'auto';
    } catch (e) {
      return 'auto'; // storage refused (privacy settings): the browser's preference
    }
  };
  var apply = function (t) {
    if (t === 'auto') { root.removeAttribute('data-theme'); } else { root.setAttribute('data-theme', t); }
  };
  apply(stored());
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('theme-toggle');
    if (!button) { return; }
    var show = function (t) {
      button.textContent = 'Theme: ' + t;
      button.setAttribute('data-choice', t);
      button.title = 'Colours: auto follows the browser or system; click for ' + CHOICES[(CHOICES.indexOf(t) + 1) % 3];
    };
    show(stored());
    button.hidden = false;
    button.addEventListener('click', function () {
      var next = CHOICES[(CHOICES.indexOf(stored()) + 1) % CHOICES.length];
      try {
        if (next === 'auto') { localStorage.removeItem(KEY); } else { localStorage.setItem(KEY, next); }
      } catch (e) {
        // not remembered, but still applied to this page
      }
      apply(next);
      show(next);
    });
    // another tab changed it
    window.addEventListener('storage', function (e) {
      if (e.key === KEY) { apply(stored()); show(stored()); }
    });
  });
}());
