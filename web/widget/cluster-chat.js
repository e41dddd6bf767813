/**
 * Cluster Skills Assistant — chat widget for a cluster's website.
 *
 * One tag embeds it (see docs/widget.md):
 *   <script src="/widget/cluster-chat.js" data-server-url="https://bot.example.eu" defer></script>
 * or set `window.ClusterChat = {serverUrl: ..., ...}` before loading the script.
 *
 * It talks Socket.IO 4 to Rasa's socketio channel (connectors/socketio.py): `session_request`
 * with the stored session id, then `user_uttered` {message, session_id}; it renders
 * `bot_uttered` text, buttons, images and the custom payloads of docs/messages.md.
 * Vanilla JS without a build step so that the cluster's web team can read and audit it;
 * everything the bot sends is inserted as text, never as HTML.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  /** Folder the widget was loaded from: its CSS and socket.io client sit beside it. */
  var BASE = script && script.src ? script.src.replace(/[^/]*(\?.*)?$/, '') : '';
  var STORE_VERSION = 1;
  var MAX_HISTORY = 200;

  var TEXTS = {
    en: {
      title: 'Skills Assistant', open: 'Open chat: {title}', close: 'Close chat', restart: 'New conversation',
      log: 'Conversation', you: 'You:', bot: 'Assistant:', input: 'Your message', placeholder: 'Type your message…',
      send: 'Send', typing: 'The assistant is typing…', connecting: 'Connecting…',
      offline: 'Connection lost — reconnecting…', queued: 'not sent yet — will be sent when the connection is back',
      suggestions: 'Suggested replies', where: 'Where', when: 'When', cost: 'Cost', format: 'Format',
      why: 'Why this offer', teaches: 'Teaches', free: 'free', costUnknown: 'cost not given',
      rolling: 'start any time', hours: '{n} h', offerPage: 'Offer page', newTab: '(opens in a new tab)',
      print: 'Print / save summary', download: 'Download summary', summaryTitle: 'Your reskilling offers',
      contact: 'Contact', image: 'Open image', blended: 'blended (online + in person)', in_person: 'in person',
      online: 'online', privacy: 'Your answers are kept up to 12 months to suggest training. Type “forget me” to delete them.',
      privacyLink: 'Privacy notice', heldIn: 'held in {town}', level: 'Level', sector: 'Sector',
      restartAsk: 'Start a new conversation? This chat will be cleared here.', restartYes: 'Clear and start again',
      restartNo: 'Cancel', botLanguage: '', count: '{n} / {max} characters',
      near: 'Close to the limit: {max} characters at most.', tooLong: 'Too long to send: please shorten it to {max} characters.',
      forYou: 'for you: {mine}', forNeed: 'for your need: {mine}', also: 'also {others}', more: 'and {n} more', onlineFrom: 'Online (partner in {town})',
      underKm: 'under 1 km', beforeFunding: '{cost} before funding', eqf: 'EQF level {n}',
      eqfWords: ['basic', 'basic', 'vocational', 'vocational, skilled worker', 'technician', 'bachelor', 'master', 'doctorate'],
      pact: 'part of the EU Pact for Skills ({name})'
    },
    de: {
      title: 'Weiterbildungs-Assistent', open: 'Chat öffnen: {title}', close: 'Chat schließen',
      restart: 'Neues Gespräch', log: 'Unterhaltung', you: 'Sie:', bot: 'Assistent:', input: 'Ihre Nachricht',
      placeholder: 'Nachricht eingeben…', send: 'Senden', typing: 'Der Assistent schreibt…',
      connecting: 'Verbindung wird aufgebaut…', offline: 'Verbindung unterbrochen — neuer Versuch läuft…',
      queued: 'noch nicht gesendet — wird gesendet, sobald die Verbindung steht',
      suggestions: 'Antwortvorschläge', where: 'Wo', when: 'Wann', cost: 'Kosten', format: 'Form',
      why: 'Warum dieses Angebot', teaches: 'Vermittelt', free: 'kostenlos', costUnknown: 'Kosten nicht angegeben',
      rolling: 'Beginn jederzeit', hours: '{n} Std.', offerPage: 'Zum Angebot', newTab: '(öffnet in neuem Tab)',
      print: 'Zusammenfassung drucken / speichern', download: 'Zusammenfassung herunterladen',
      summaryTitle: 'Ihre Weiterbildungsangebote', contact: 'Kontakt', image: 'Bild öffnen',
      blended: 'gemischt (online + vor Ort)', in_person: 'vor Ort', online: 'online',
      privacy: 'Ihre Antworten werden bis zu 12 Monate gespeichert, um Kurse vorzuschlagen. „forget me“ löscht sie.',
      privacyLink: 'Datenschutzhinweis', heldIn: 'Kursort {town}', level: 'Niveau', sector: 'Branche',
      restartAsk: 'Neues Gespräch beginnen? Dieser Chat wird hier gelöscht.', restartYes: 'Löschen und neu beginnen',
      restartNo: 'Abbrechen', botLanguage: 'Der Assistent antwortet derzeit auf Englisch.', count: '{n} / {max} Zeichen',
      near: 'Fast am Limit: höchstens {max} Zeichen.', tooLong: 'Zu lang zum Senden: bitte auf {max} Zeichen kürzen.',
      forYou: 'für Sie: {mine}', forNeed: 'für Ihren Bedarf: {mine}', also: 'außerdem {others}', more: 'und {n} weitere', onlineFrom: 'Online (Anbieter in {town})',
      underKm: 'unter 1 km', beforeFunding: '{cost} vor Förderung', eqf: 'EQR-Niveau {n}',
      eqfWords: ['Grundstufe', 'Grundstufe', 'Berufsbildung', 'Berufsbildung, Fachkraft', 'Techniker/in, Meister/in',
        'Bachelor', 'Master', 'Doktorat'],
      pact: 'Teil des EU-Kompetenzpakts ({name})'
    }
  };

  var DEFAULTS = {
    serverUrl: '', socketPath: '/socket.io', title: '', primary: '#0b5394', text: '#ffffff', logo: '',
    lang: '', texts: null, greeting: '/greet', position: 'right', storageKey: 'cluster-chat',
    storage: 'local', css: true, privacyUrl: '', botLang: 'en', maxChars: 2000
  };
  /** The counter shows from this share of `maxChars` on. */
  var NEAR_LIMIT = 0.9;
  var MODES = ['in_person', 'online', 'blended']; // an offer's format: keys of TEXTS too
  var TEACHES_SHOWN = 6; // skills a card names before "and N more", as actions/card_texts.py

  /** Merges defaults, `window.ClusterChat` and the script tag's data-* attributes (strongest). */
  function readConfig() {
    var cfg = Object.assign({}, DEFAULTS, typeof window.ClusterChat === 'object' ? window.ClusterChat : {});
    var data = (script && script.dataset) || {};
    Object.keys(DEFAULTS).forEach(function (key) {
      if (data[key] !== undefined) cfg[key] = data[key];
    });
    cfg.css = cfg.css !== false && cfg.css !== 'false';
    var lang = (cfg.lang || document.documentElement.lang || navigator.language || 'en').slice(0, 2).toLowerCase();
    cfg.lang = TEXTS[lang] ? lang : 'en';
    cfg.t = Object.assign({}, TEXTS[cfg.lang], typeof cfg.texts === 'object' ? cfg.texts : {});
    cfg.title = cfg.title || cfg.t.title;
    cfg.serverUrl = (cfg.serverUrl || location.protocol + '//' + location.hostname + ':5005').replace(/\/$/, '');
    cfg.position = cfg.position === 'left' ? 'left' : 'right';
    cfg.botLang = String(cfg.botLang || '').trim(); // the language the bot writes in: its content is marked so
    cfg.maxChars = Math.floor(Number(cfg.maxChars)) > 0 ? Math.floor(Number(cfg.maxChars)) : DEFAULTS.maxChars;
    return cfg;
  }

  // ---- colour contrast (WCAG 2.1) ------------------------------------------------------------

  var WHITE = [255, 255, 255], INK = [26, 26, 26], BOT_BG = [241, 243, 245]; // as in cluster-chat.css
  var AA = 4.5;

  /**
   * [r, g, b] of any opaque CSS colour ("#0b5394", "rebeccapurple", "rgb(…)"), or null.
   * The browser parses it: a canvas normalises fillStyle to #rrggbb and ignores what it cannot read.
   */
  function parseColour(value) {
    var ctx = document.createElement('canvas').getContext('2d');
    if (!ctx || typeof value !== 'string' || !value.trim()) return null;
    var seen = [];
    ['#010203', '#030201'].forEach(function (sentinel) {
      ctx.fillStyle = sentinel;
      ctx.fillStyle = value.trim();
      seen.push(ctx.fillStyle);
    });
    var m = /^#([0-9a-f]{6})$/i.exec(seen[0]);
    if (seen[0] !== seen[1] || !m) return null; // unparsable, or transparent (rgba)
    return [0, 2, 4].map(function (i) { return parseInt(m[1].substr(i, 2), 16); });
  }

  function hex(rgb) {
    return '#' + rgb.map(function (v) { return ('0' + Math.round(v).toString(16)).slice(-2); }).join('');
  }

  /** Relative luminance, as WCAG 2.1 defines it. */
  function luminance(rgb) {
    var c = rgb.map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** The brand colour darkened just enough to be read as text on white and on the bot's bubbles. */
  function darkenFor(rgb, backgrounds) {
    for (var k = 0; k <= 1; k += 0.05) {
      var c = rgb.map(function (v) { return v * (1 - k); });
      if (backgrounds.every(function (bg) { return contrast(c, bg) >= AA; })) return c;
    }
    return INK;
  }

  /**
   * The colours the widget paints with. Integrators pick the brand colours; when a pair would be
   * hard to read (WCAG 1.4.3: 4.5:1 for text), the console says so — for the integrator — and the
   * widget uses a readable colour instead, so that visitors never get the unreadable one:
   * text on the brand colour becomes white or ink, whichever reads better; the brand colour as
   * text on white (buttons, links) is darkened.
   */
  function resolveColours(cfg) {
    var primary = parseColour(cfg.primary), onPrimary = parseColour(cfg.text);
    if (!primary) warn('primary colour "' + cfg.primary + '" is not an opaque CSS colour; using ' + DEFAULTS.primary);
    if (!onPrimary) warn('text colour "' + cfg.text + '" is not an opaque CSS colour; using ' + DEFAULTS.text);
    primary = primary || parseColour(DEFAULTS.primary);
    onPrimary = onPrimary || parseColour(DEFAULTS.text);
    var ratio = contrast(onPrimary, primary);
    if (ratio < AA) {
      var fixed = contrast(WHITE, primary) >= contrast(INK, primary) ? WHITE : INK;
      if (contrast(fixed, primary) < AA) fixed = [0, 0, 0];
      warn('text ' + hex(onPrimary) + ' on primary ' + hex(primary) + ' has contrast ' + ratio.toFixed(2) +
        ':1, WCAG AA needs 4.5:1; using ' + hex(fixed) + ' instead');
      onPrimary = fixed;
    }
    var accent = primary;
    if (contrast(primary, WHITE) < AA || contrast(primary, BOT_BG) < AA) {
      accent = darkenFor(primary, [WHITE, BOT_BG]);
      warn('primary ' + hex(primary) + ' on white has contrast ' + contrast(primary, WHITE).toFixed(2) +
        ':1, WCAG AA needs 4.5:1; buttons and links use ' + hex(accent) + ' instead');
    }
    return { primary: hex(primary), onPrimary: hex(onPrimary), accent: hex(accent) };
  }

  function warn(text) { console.warn('ClusterChat: ' + text); }

  // ---- small DOM helpers ---------------------------------------------------------------------

  /** Creates an element; `props` are properties (textContent, className, …) or attributes (aria-*, data-*). */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k.indexOf('-') > 0 || k === 'role' || k === 'for') node.setAttribute(k, props[k]);
      else node[k] = props[k];
    });
    (children || []).forEach(function (c) { if (c) node.append(c); });
    return node;
  }

  var uid = 0;
  function newId(prefix) { uid += 1; return 'cc-' + prefix + '-' + uid; }

  /** An absolute http(s) URL, or null: javascript:, data: and friends never become links. */
  function safeUrl(url) {
    try {
      var u = new URL(String(url), location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) { return null; }
  }

  function externalLink(href, label, t) {
    return el('a', { href: href, target: '_blank', rel: 'noopener noreferrer' },
      [label, el('span', { className: 'cc-sr', textContent: ' ' + t.newTab })]);
  }

  /** A web address ("https://…", "www.…") as a link to its https: or http: URL, or null. */
  function webLink(address, t) {
    var href = safeUrl(/^www\./i.test(address) ? 'https://' + address : address);
    return href ? externalLink(href, address, t) : null;
  }

  // An e-mail address has nothing that could add headers to a mailto: link (?cc=…) or leave it.
  var EMAIL = "[^\\s@<>\"'()\\[\\]?&#,;:/]+@[^\\s@<>\"'()\\[\\]?&#,;:/]+\\.[a-z]{2,}\\b";
  var IS_EMAIL = new RegExp('^' + EMAIL + '$', 'i');
  // Web addresses, e-mail addresses and phone numbers ("+43 316 0245 355", "0316/123 456") in text.
  var LINKS = new RegExp('(\\bhttps?://[^\\s<>"\']+|\\bwww\\.[a-z0-9-]+\\.[^\\s<>"\']+)|(' + EMAIL +
    ')|\\+\\d[\\d ()/-]*\\d|\\b0\\d[\\d /-]*\\d', 'gi');

  function mailLink(email) {
    email = String(email || '').trim();
    return IS_EMAIL.test(email) ? el('a', { href: 'mailto:' + email, textContent: email }) : null;
  }

  /** A tel: link (digits and a leading +) for a number of 7 to 15 digits that is no date (03/15/2027), else null. */
  function telLink(phone) {
    phone = String(phone || '').trim();
    var dial = phone.replace(/\(0\)/g, '').replace(/[^\d+]/g, ''), digits = dial.replace(/\D/g, '').length;
    var ok = digits >= 7 && digits <= 15 && /^\+?\d+$/.test(dial) && !/^\d\d?([/-])\d\d?\1\d{2,4}$/.test(phone);
    return ok ? el('a', { href: 'tel:' + dial, textContent: phone }) : null;
  }

  /**
   * Appends text with web addresses, e-mail addresses and phone numbers as links (https:/http:,
   * mailto:, tel: only), built as DOM nodes; all else, and what fails the checks, stays plain text.
   */
  function appendLinkified(parent, text, t) {
    var last = 0, m;
    text = String(text);
    LINKS.lastIndex = 0;
    while ((m = LINKS.exec(text))) {
      var found = m[1] ? m[0].replace(/[.,;:!?)\]]+$/, '') : m[0];
      var link = m[1] ? webLink(found, t) : m[2] ? mailLink(found) : telLink(found);
      parent.append(text.slice(last, m.index), link || found);
      last = m.index + found.length;
      LINKS.lastIndex = last;
    }
    parent.append(text.slice(last));
  }

  // ---- the widget ----------------------------------------------------------------------------

  function Widget(cfg) {
    this.cfg = cfg;
    this.t = cfg.t;
    this.store = this.openStorage();
    this.state = this.load();
    this.socket = null;
    this.confirmed = false;
    this.typingTimer = null;
    this.offers = {}; // offer_id -> the latest full offer shown (a details reply lacks distance, covers, reasons)
    this.batch = null; // the first message of the bot's latest batch of replies (scroll() shows its start)
    this.lastReply = 0;
    this.inputState = 'ok'; // the input's length: ok, near or over the limit (fitInput)
    this.countText = ''; // what the hidden status last said of it
  }

  Widget.prototype.openStorage = function () {
    try {
      var s = this.cfg.storage === 'session' ? window.sessionStorage : window.localStorage;
      s.setItem(this.cfg.storageKey + ':probe', '1');
      s.removeItem(this.cfg.storageKey + ':probe');
      return s;
    } catch (e) { return null; } // storage blocked: the chat still works, it just forgets on reload
  };

  Widget.prototype.load = function () {
    var empty = { v: STORE_VERSION, sessionId: null, open: false, messages: [], outbox: [] };
    try {
      var s = JSON.parse((this.store && this.store.getItem(this.cfg.storageKey)) || 'null');
      return s && s.v === STORE_VERSION ? Object.assign(empty, s) : empty;
    } catch (e) { return empty; }
  };

  Widget.prototype.save = function () {
    this.state.messages = this.state.messages.slice(-MAX_HISTORY);
    try { if (this.store) this.store.setItem(this.cfg.storageKey, JSON.stringify(this.state)); } catch (e) { /* full */ }
  };

  /** Builds the launcher button and the (closed) non-modal dialog. */
  Widget.prototype.build = function () {
    var t = this.t, cfg = this.cfg, self = this;
    var titleId = newId('title'), inputId = newId('input'), countId = newId('count');
    this.panelId = newId('panel');
    this.root = el('div', { className: 'cc-root cc-' + cfg.position, lang: cfg.lang, hidden: cfg.css });
    this.root.style.setProperty('--cc-primary', cfg.colours.primary);
    this.root.style.setProperty('--cc-on-primary', cfg.colours.onPrimary);
    this.root.style.setProperty('--cc-accent', cfg.colours.accent);

    this.launcher = el('button', { type: 'button', className: 'cc-launcher', 'aria-label': t.open.replace('{title}', cfg.title),
      'aria-expanded': 'false', 'aria-controls': this.panelId }, [icon()]);
    this.launcher.addEventListener('click', function () { self.toggle(); });

    var logo = cfg.logo ? el('img', { className: 'cc-logo', src: cfg.logo, alt: '' }) : null;
    // "New conversation" deletes the transcript: it asks first, inline (a disclosure, not a modal).
    var askId = newId('ask'), confirmId = newId('confirm');
    var restart = el('button', { type: 'button', className: 'cc-restart', textContent: t.restart,
      'aria-expanded': 'false', 'aria-controls': confirmId });
    var yes = el('button', { type: 'button', className: 'cc-button', textContent: t.restartYes });
    var no = el('button', { type: 'button', className: 'cc-button', textContent: t.restartNo });
    this.confirm = el('div', { id: confirmId, className: 'cc-confirm', role: 'group', 'aria-labelledby': askId,
      hidden: true }, [el('p', { id: askId, textContent: t.restartAsk }), el('div', { className: 'cc-confirm-actions' }, [yes, no])]);
    this.askRestart = function (on) {
      self.confirm.hidden = !on;
      restart.setAttribute('aria-expanded', String(on));
      if (on) no.focus(); // the harmless choice first
    };
    restart.addEventListener('click', function () { self.askRestart(true); });
    yes.addEventListener('click', function () { self.askRestart(false); self.restart(); });
    no.addEventListener('click', function () { self.askRestart(false); restart.focus(); });
    this.confirm.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { e.stopPropagation(); self.askRestart(false); restart.focus(); }
    });
    var close = el('button', { type: 'button', className: 'cc-close', 'aria-label': t.close, textContent: '×' });
    close.addEventListener('click', function () { self.close(); });

    this.status = el('p', { className: 'cc-status', role: 'status' });
    this.log = el('div', { className: 'cc-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions',
      'aria-label': t.log, tabIndex: 0 });
    // Decorative: screen readers hear the reply itself through the log, not the dots.
    this.typing = el('p', { className: 'cc-typing', hidden: true, 'aria-hidden': 'true', title: t.typing },
      [el('span'), el('span'), el('span')]);
    // A textarea that grows: Enter sends, Shift+Enter starts a new line. No maxlength, which
    // would cut a pasted message silently: the count shows near the limit, and a longer message waits.
    this.input = el('textarea', { id: inputId, className: 'cc-input', rows: 1, autocomplete: 'off',
      placeholder: t.placeholder, enterKeyHint: 'send', 'aria-describedby': countId });
    this.count = el('p', { id: countId, className: 'cc-count', hidden: true });
    // Said when the limit comes near or is passed (not a second role=status: that is the connection's line).
    this.countAlert = el('p', { className: 'cc-sr', 'aria-live': 'polite' });
    var form = el('form', { className: 'cc-form' }, [
      el('label', { className: 'cc-sr', for: inputId, textContent: t.input }), this.input,
      el('button', { type: 'submit', className: 'cc-send', textContent: t.send })]);
    // What is kept and why, visible before the first answer (the bot asks for consent itself).
    var privacyUrl = cfg.privacyUrl && safeUrl(cfg.privacyUrl);
    var privacy = el('p', { className: 'cc-privacy' }, [t.privacy + ' ', privacyUrl
      ? el('a', { href: privacyUrl, target: '_blank', rel: 'noopener', textContent: t.privacyLink }) : null]);
    // A German frame around an English conversation says so (the bot's content is marked lang="en" too).
    var note = cfg.botLang && cfg.botLang !== cfg.lang && t.botLanguage
      ? el('p', { className: 'cc-note', textContent: t.botLanguage }) : null;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      self.submit();
    });
    this.input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); self.submit(); }
    });
    this.input.addEventListener('input', function () { self.fitInput(); });

    this.panel = el('section', { id: this.panelId, className: 'cc-panel', role: 'dialog', 'aria-modal': 'false',
      'aria-labelledby': titleId, hidden: true }, [
      el('header', { className: 'cc-header' }, [logo, el('h2', { id: titleId, className: 'cc-title', textContent: cfg.title }),
        restart, close]),
      this.confirm, note, this.status, this.log, this.typing, this.count, this.countAlert, form, privacy]);
    this.panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { e.stopPropagation(); self.close(); }
    });
    // Where the open chat fills the screen (phones, 200% zoom) it is modal: Tab stays inside it.
    document.addEventListener('keydown', function (e) { self.trapTab(e); }, true);
    window.addEventListener('resize', function () { self.setModal(); });
    window.addEventListener('storage', function (e) {
      if (e.key === cfg.storageKey && e.storageArea === self.store) self.follow();
    });
    this.root.append(this.panel, this.launcher);
    document.body.append(this.root);
    this.restoring = true;
    this.state.messages.forEach(function (m) { self.render(m); });
    this.restoring = false;
    if (this.state.open) this.open(false);
    if (this.state.outbox.length) this.connect(); // else connect on open: no socket per page view
  };

  /** Sends what was typed, unless it is longer than the server takes (then the count says so). */
  Widget.prototype.submit = function () {
    var text = this.input.value.trim();
    if (!text) return;
    if (this.fitInput() === 'over') {
      this.countAlert.textContent = ''; // said again: the person tried to send it
      var alert = this.countAlert, said = this.countText;
      setTimeout(function () { alert.textContent = said; }, 100);
      return;
    }
    this.input.value = '';
    this.fitInput();
    this.send(text, text);
  };

  /**
   * Grows the input with its text (up to the style sheet's max-height) and shows the count near
   * the limit (characters as the server counts them: code points). Returns "ok", "near" or "over".
   */
  Widget.prototype.fitInput = function () {
    var t = this.t, max = this.cfg.maxChars, fmt = new Intl.NumberFormat(this.cfg.lang);
    var n = Array.from(this.input.value.trim()).length;
    var state = n > max ? 'over' : n >= max * NEAR_LIMIT ? 'near' : 'ok';
    this.input.style.height = '';
    if (this.input.value) this.input.style.height = this.input.scrollHeight + 2 + 'px'; // + its borders
    var count = t.count.replace('{n}', fmt.format(n)).replace('{max}', fmt.format(max));
    this.count.hidden = state === 'ok';
    this.count.textContent = state === 'over' ? count + ' — ' + t.tooLong.replace('{max}', fmt.format(max))
      : state === 'near' ? count : '';
    this.count.classList.toggle('cc-over', state === 'over');
    if (state === 'over') this.input.setAttribute('aria-invalid', 'true');
    else this.input.removeAttribute('aria-invalid');
    if (state !== this.inputState) { // announced once per change, not at every key
      this.countText = state === 'ok' ? '' : t[state === 'over' ? 'tooLong' : 'near'].replace('{max}', fmt.format(max));
      this.countAlert.textContent = this.countText;
      this.inputState = state;
    }
    return state;
  };

  /** True while the open chat covers the whole page (the style sheet's small-screen rule makes it fixed). */
  Widget.prototype.isModal = function () {
    return !this.panel.hidden && getComputedStyle(this.panel).position === 'fixed';
  };

  Widget.prototype.setModal = function () {
    this.panel.setAttribute('aria-modal', String(this.isModal()));
  };

  /** The panel's controls that Tab can reach now. */
  Widget.prototype.stops = function () {
    return Array.prototype.filter.call(this.panel.querySelectorAll('a[href], button, textarea, [tabindex="0"]'),
      function (e) { return !e.disabled && e.getClientRects().length > 0; });
  };

  /** WCAG 2.4.3 / 2.4.7: in full screen, Tab and Shift+Tab wrap within the chat, never behind it. */
  Widget.prototype.trapTab = function (e) {
    if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey || !this.isModal()) return;
    var stops = this.stops(), active = document.activeElement;
    if (!stops.length) return;
    var edge = e.shiftKey ? stops[0] : stops[stops.length - 1];
    if (active === edge || !this.panel.contains(active)) {
      e.preventDefault();
      (e.shiftKey ? stops[stops.length - 1] : stops[0]).focus();
    }
  };

  /**
   * Another tab of the site saved the conversation. Both tabs' sockets are in the session's room
   * and get every reply, but each sees only the messages typed in it: so a tab takes the other's
   * new user turns (they have ids), and a tab without a socket (it cannot get replies itself),
   * or whose conversation the other replaced ("New conversation"), takes the whole stored one.
   * Its own outbox stays its own: only the tab that queued a message sends it.
   */
  Widget.prototype.follow = function () {
    var stored = this.load(), mine = this.state, self = this, known = {};
    if (!this.socket || stored.sessionId !== mine.sessionId) {
      stored.open = mine.open;
      stored.outbox = mine.outbox;
      this.state = stored;
      this.log.textContent = '';
      this.offers = {};
      this.batch = null;
      this.restoring = true;
      stored.messages.forEach(function (m) { self.render(m); });
      this.restoring = false;
      this.log.scrollTop = this.log.scrollHeight;
      if (stored.sessionId && stored.sessionId !== mine.sessionId && this.socket && this.socket.connected) {
        this.confirmed = false; // join the other tab's session
        this.socket.emit('session_request', { session_id: stored.sessionId });
      }
      return;
    }
    mine.messages.forEach(function (m) { if (m.id) known[m.id] = true; });
    stored.messages.forEach(function (m) {
      if (m.from === 'user' && m.id && !known[m.id]) {
        m = Object.assign({}, m, { pending: undefined });
        mine.messages.push(m);
        self.batch = null;
        self.render(m);
      }
    });
  };

  Widget.prototype.toggle = function () { if (this.panel.hidden) this.open(true); else this.close(); };

  /** Opens the dialog; `focus` is false when restoring after a reload, so the page keeps its focus. */
  Widget.prototype.open = function (focus) {
    this.panel.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'true');
    this.root.classList.add('cc-is-open');
    this.setModal();
    this.state.open = true;
    this.save();
    this.log.scrollTop = this.log.scrollHeight;
    if (focus) this.input.focus();
    this.connect();
    if (!this.state.messages.length && !this.state.outbox.length && this.cfg.greeting) {
      this.send(this.cfg.greeting, null);
    }
  };

  /** Closes the dialog and gives focus back to the launcher (WCAG 2.4.3). */
  Widget.prototype.close = function () {
    this.panel.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.root.classList.remove('cc-is-open');
    this.askRestart(false);
    this.setModal();
    this.state.open = false;
    this.save();
    this.launcher.focus();
  };

  /** Forgets the conversation (e.g. on a shared computer) and starts a new session. */
  Widget.prototype.restart = function () {
    this.state.sessionId = null;
    this.erase();
    this.confirmed = false;
    if (this.socket && this.socket.connected) this.socket.emit('session_request', { session_id: null });
    if (this.cfg.greeting) this.send(this.cfg.greeting, null);
    this.input.focus();
  };

  // ---- connection ----------------------------------------------------------------------------

  /** Loads the vendored socket.io client unless the page already has one. */
  function loadSocketIo(done) {
    if (window.io) return done();
    var s = el('script', { src: BASE + 'vendor/socket.io.min.js', async: true });
    s.addEventListener('load', done);
    s.addEventListener('error', function () { console.error('ClusterChat: cannot load ' + s.src); });
    document.head.append(s);
  }

  /** Connects once; socket.io then reconnects by itself after network or server failures. */
  Widget.prototype.connect = function () {
    var self = this;
    if (this.socket || this.connecting) return;
    this.connecting = true;
    this.setStatus(this.t.connecting);
    loadSocketIo(function () {
      // WebSocket first: it needs no CORS pre-flight; long-polling remains as a fallback.
      var socket = window.io(self.cfg.serverUrl, { path: self.cfg.socketPath, transports: ['websocket', 'polling'],
        tryAllTransports: true });
      self.socket = socket;
      socket.on('connect', function () {
        self.confirmed = false;
        socket.emit('session_request', { session_id: self.state.sessionId });
      });
      socket.on('session_confirm', function (id) { self.onConfirm(id); });
      socket.on('bot_uttered', function (msg) { self.receive(msg); });
      socket.on('disconnect', function (reason) {
        self.confirmed = false;
        self.setStatus(self.t.offline);
        self.showTyping(false);
        if (reason === 'io server disconnect') socket.connect(); // the only case socket.io leaves to us
      });
      socket.on('connect_error', function () { self.setStatus(self.t.offline); });
    });
  };

  /** The server has put this socket in the session's room: now messages can go, exactly once. */
  Widget.prototype.onConfirm = function (id) {
    var sessionId = typeof id === 'object' && id ? id.session_id : id;
    this.state.sessionId = sessionId;
    this.confirmed = true;
    this.setStatus('');
    var queued = this.state.outbox;
    this.state.outbox = [];
    this.save();
    queued.forEach(function (item) { this.emit(item); }, this);
  };

  Widget.prototype.emit = function (item) {
    this.socket.emit('user_uttered', { message: item.message, session_id: this.state.sessionId,
      metadata: { language: this.cfg.lang } });
    var entry = this.state.messages.filter(function (m) { return m.id === item.id; })[0];
    if (entry && entry.pending) {
      delete entry.pending;
      var note = this.log.querySelector('[data-id="' + item.id + '"] .cc-pending');
      if (note) note.remove();
    }
    this.save();
    this.showTyping(true);
  };

  /**
   * Sends `message` to the bot; `shown` is what the transcript shows (a button's title rather
   * than its payload), null for the hidden greeting. Offline, it waits in the stored outbox.
   * `keep`: a card's button, which does not spend the suggested replies (of the results, say).
   */
  Widget.prototype.send = function (message, shown, keep) {
    var item = { id: Date.now().toString(36) + Math.random().toString(36).slice(2, 7), message: message };
    var online = this.socket && this.socket.connected && this.confirmed;
    if (!keep) disableQuickReplies(this.log);
    this.batch = null; // the bot's answer will be a new batch
    if (shown !== null) this.add({ id: item.id, from: 'user', text: shown, pending: !online, keep: keep || undefined });
    if (online) this.emit(item);
    else { this.state.outbox.push(item); this.save(); this.connect(); }
  };

  Widget.prototype.receive = function (msg) {
    if (!msg || typeof msg !== 'object') return;
    this.showTyping(false);
    // The reply came: a card's button that waited for it is usable again, but not within a
    // second of its click (a fast reply would otherwise take a double click's second click).
    this.log.querySelectorAll('.cc-card-actions button[data-wait]').forEach(function (b) {
      setTimeout(function () { release(b); }, Math.max(0, 1000 - (Date.now() - Number(b.getAttribute('data-wait')))));
    });
    if (msg.custom && msg.custom.type === 'conversation_erased') this.erase();
    this.add({ from: 'bot', data: msg });
  };

  /** "Forget me" was done on the server: the copy kept in this browser goes too. */
  Widget.prototype.erase = function () {
    this.state.messages = [];
    this.state.outbox = [];
    this.log.textContent = '';
    this.offers = {};
    this.batch = null;
    this.save();
  };

  Widget.prototype.add = function (entry) {
    this.state.messages.push(entry);
    this.save();
    this.render(entry);
  };

  /** The status region stays in the page (empty when all is well) so that changes are announced. */
  Widget.prototype.setStatus = function (text) {
    this.status.textContent = text;
  };

  /** Shows the dots until the next reply; a timeout hides them when the bot says nothing. */
  Widget.prototype.showTyping = function (on) {
    var self = this;
    clearTimeout(this.typingTimer);
    this.typing.hidden = !on;
    if (on) {
      this.typingTimer = setTimeout(function () { self.typing.hidden = true; }, 20000);
      this.scroll();
    }
  };

  /**
   * To the end of the log; while the bot's replies come in, to the start of the first of them,
   * so that a long answer or a page of offer cards is read from its top (the best offer first).
   * The browser stops at the end when the replies fit in the view.
   */
  Widget.prototype.scroll = function () {
    if (this.restoring || this.panel.hidden) return; // open() scrolls once
    var reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    var top = this.batch && this.batch.isConnected ? this.batch.offsetTop - 8 : this.log.scrollHeight;
    this.log.scrollTo({ top: top, behavior: reduce ? 'auto' : 'smooth' });
  };

  // ---- rendering -----------------------------------------------------------------------------

  Widget.prototype.render = function (entry) {
    var t = this.t, who = entry.from === 'user' ? 'cc-user' : 'cc-bot';
    var node = el('div', { className: 'cc-msg ' + who, 'data-id': entry.id || '' },
      [el('span', { className: 'cc-sr', textContent: entry.from === 'user' ? t.you : t.bot })]);
    if (entry.from === 'user') {
      if (!entry.keep) disableQuickReplies(this.log);
      node.append(bubble(entry.text, t));
      if (entry.pending) node.append(el('span', { className: 'cc-pending', textContent: t.queued }));
    } else {
      this.renderBot(node, entry.data);
    }
    if (node.childNodes.length < 2) return;
    this.log.append(node);
    if (entry.from !== 'user' && !this.restoring) {
      // A turn's replies arrive together; one coming much later (held, or unasked) starts a new batch.
      if (!this.batch || Date.now() - this.lastReply > 3000) this.batch = node;
      this.lastReply = Date.now();
    }
    this.scroll();
  };

  /**
   * One bot_uttered event. connectors/socketio.py sends a custom payload together with its text
   * version and buttons: an offer card replaces them, other payloads add to them.
   */
  Widget.prototype.renderBot = function (node, msg) {
    var custom = msg.custom && typeof msg.custom === 'object' ? msg.custom : null;
    var buttons = msg.quick_replies || msg.buttons;
    if (custom && custom.type === 'offer_card' && custom.offer) {
      node.append(this.card(custom, custom.buttons || buttons || [], msg.text || custom.text));
      return;
    }
    var text = msg.text || (custom && custom.text);
    if (text) node.append(this.mark(bubble(text, this.t)));
    var image = msg.attachment && msg.attachment.type === 'image' && msg.attachment.payload;
    if (image) node.append(this.image(image.src));
    if (custom && custom.type === 'results_summary') node.append(this.summary(custom));
    if (Array.isArray(buttons) && buttons.length) {
      node.append(this.buttons(buttons, 'cc-quick', this.t.suggestions, null));
    }
  };

  /** Marks what the bot wrote with the bot's language (WCAG 3.1.2): the widget's labels keep theirs. */
  Widget.prototype.mark = function (node) {
    if (node && this.cfg.botLang) node.lang = this.cfg.botLang;
    return node;
  };

  function bubble(text, t) {
    var p = el('p', { className: 'cc-bubble' });
    appendLinkified(p, text, t);
    return p;
  }

  /** Images load only from the page's or the bot's origin (no third-party requests); else a link. */
  Widget.prototype.image = function (src) {
    var href = safeUrl(src);
    if (!href) return null;
    var origin = new URL(href).origin;
    if (origin === location.origin || origin === new URL(this.cfg.serverUrl).origin) {
      return el('img', { className: 'cc-image', src: href, alt: '' });
    }
    return el('p', { className: 'cc-bubble' }, [externalLink(href, this.t.image, this.t)]);
  };

  /**
   * Real <button>s that send their payload and show their title (plus `context`) as the user's turn.
   * Suggested replies are spent by the next message (see disableQuickReplies); a card's buttons
   * (`context` = the offer) stay, but wait for the reply (and a second at least), so a double
   * click sends once.
   */
  Widget.prototype.buttons = function (list, className, label, context) {
    var self = this;
    var group = el('div', { className: className, role: 'group', 'aria-label': label });
    list.forEach(function (b) {
      if (!b || !b.title) return;
      var button = self.mark(el('button', { type: 'button', className: 'cc-button', textContent: b.title }));
      button.addEventListener('click', function () {
        if (context) {
          button.disabled = true;
          button.setAttribute('data-wait', String(Date.now()));
          setTimeout(function () { release(button); }, 15000); // no reply (offline): usable again
        }
        self.send(b.payload || b.title, context ? b.title + ' — ' + context : b.title, !!context);
        self.input.focus();
      });
      group.append(button);
    });
    return group;
  };

  function release(button) {
    button.disabled = false;
    button.removeAttribute('data-wait');
  }

  /**
   * An offer card: what, who, where, when, cost, contacts, why, and the actions of docs/messages.md.
   * A card replaces its text version; the details of an offer (the reply to "Details", which has
   * no Details button) also show the lines of the text that the payload lacks (description, seats,
   * address) and take distance, skills and reasons from the offer's card in the results.
   */
  Widget.prototype.card = function (custom, buttons, text) {
    var t = this.t, lang = this.cfg.lang, o = custom.offer, p = o.partner || {};
    var details = !buttons.some(function (b) { return /^\/offer_details\b/.test((b && b.payload) || ''); });
    var seen = this.offers[o.offer_id];
    if (details && seen) {
      o = Object.assign({}, o, {
        distance_km: typeof o.distance_km === 'number' ? o.distance_km : seen.distance_km,
        covers: o.covers && o.covers.length ? o.covers : seen.covers,
        teaches: o.teaches && o.teaches.length ? o.teaches : seen.teaches,
        reasons: o.reasons && o.reasons.length ? o.reasons : seen.reasons
      });
    } else if (!details && o.offer_id) {
      this.offers[o.offer_id] = o;
    }
    var titleId = newId('offer');
    var facts = el('dl', { className: 'cc-facts' });
    function fact(term, value) { // the bot's words in a value are marked (phrase)
      if (value) facts.append(el('dt', { textContent: term }), el('dd', {}, [value]));
    }
    fact(t.where, describePlace(o, p, t));
    fact(t.when, describeDates(o, t, lang));
    fact(t.cost, describeCost(o, t, lang));
    fact(t.format, describeFormat(o, t));
    fact(t.teaches, this.teaches(o, custom.for === 'firm'));
    if (details) {
      var words = t.eqfWords[o.eqf_level - 1];
      fact(t.level, o.eqf_level ? t.eqf.replace('{n}', o.eqf_level) + (words ? ' (' + words + ')' : '') : '');
      var pact = String(o.pact_partnership || ''); // "Pact for Skills in Renewable Energy" names it once
      fact(t.sector, this.phrase([o.ecosystem && '{sector}', pact && t.pact].filter(Boolean).join(' · '), {
        sector: String(o.ecosystem).replace(/_/g, ' '),
        name: pact.replace(/^pact for skills\W*(?:in|for)?\s*/i, '') || pact
      }));
    }
    fact(t.contact, this.contacts(p));
    var card = el('article', { className: 'cc-card', 'aria-labelledby': titleId }, [
      this.mark(el('h3', { id: titleId, className: 'cc-card-title', textContent: o.title || '' })),
      el('p', { className: 'cc-card-partner', textContent: p.name || '' }), facts]); // a name: no language
    var more = extraLines(text);
    if (more.length) {
      card.append(this.mark(el('div', { className: 'cc-card-more' }, more.map(function (line) {
        var para = el('p');
        appendLinkified(para, line, t);
        return para;
      }))));
    }
    if (o.reasons && o.reasons.length) {
      card.append(el('p', { className: 'cc-card-why', textContent: t.why }),
        this.mark(el('ul', { className: 'cc-reasons' }, o.reasons.map(function (r) { return el('li', { textContent: r }); }))));
    }
    var actions = this.mark(this.buttons(buttons, 'cc-card-actions', o.title || '', o.title));
    var href = safeUrl(o.url || p.website || '');
    if (href) {
      var page = externalLink(href, t.offerPage, t);
      page.lang = lang; // the widget's label, in a group named by the offer's (English) title
      actions.append(page);
    }
    card.append(actions);
    return card;
  };

  /**
   * The lines of an offer card's text that the card does not show: the text is the card in
   * words (a first line, then indented lines: facts, skills, reasons, contact), and a details
   * reply adds unindented lines after them (actions/cards.py details_text).
   */
  function extraLines(text) {
    var lines = String(text || '').split('\n'), i = 1;
    while (i < lines.length && /^\s/.test(lines[i])) i += 1;
    return lines.slice(i).filter(function (line) { return line.trim(); });
  }

  /**
   * A widget text with the bot's words in it: each `{key}` becomes `values[key]`, marked with the
   * bot's language, so a German card reads "für Sie:" as German and the skills as English.
   */
  Widget.prototype.phrase = function (template, values) {
    var self = this;
    return template ? el('span', {}, template.split(/\{(\w+)\}/).map(function (part, i) {
      return i % 2 ? self.mark(el('span', { textContent: values[part] })) : part;
    })) : null;
  };

  /**
   * What a course teaches, what was asked for first: "for you: a, b; also c, d and 5 more" (a firm's
   * card, `"for": "firm"`: "for your need: …"), as the card's text says it (actions/card_texts.py
   * teaches). A payload without `teaches` has `covers`.
   */
  Widget.prototype.teaches = function (o, firm) {
    var all = o.teaches && o.teaches.length ? o.teaches
      : (o.covers || []).map(function (c) { return { label: c.label, for_you: true }; });
    function labels(forYou) {
      return all.filter(function (s) { return !!s.for_you === forYou; }).map(function (s) { return s.label; })
        .filter(function (label, i, list) { return list.indexOf(label) === i; });
    }
    var mine = labels(true), rest = labels(false).filter(function (label) { return mine.indexOf(label) < 0; });
    var shown = rest.slice(0, Math.max(TEACHES_SHOWN - mine.length, 0)), more = rest.length - shown.length;
    var said = [mine.length && (firm ? this.t.forNeed : this.t.forYou), shown.length && (mine.length ? this.t.also : '{others}')];
    return this.phrase(said.filter(Boolean).join('; ') + (more > 0 ? ' ' + this.t.more.replace('{n}', more) : ''),
      { mine: mine.join(', '), others: shown.join(', ') });
  };

  /** The partner's website, e-mail and phone as links (http(s), mailto: and tel: only). */
  Widget.prototype.contacts = function (p) {
    var web = safeUrl(p.website || '');
    var links = [web && externalLink(web, web.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, ''), this.t),
      mailLink(p.email), telLink(p.phone)].filter(Boolean);
    if (!links.length) return null;
    var span = el('span', { className: 'cc-contacts' });
    links.forEach(function (a, i) { span.append(i ? ' · ' : '', a); });
    return span;
  };

  /** Where: the partner's town, the venue if elsewhere, the distance; an online course says so. */
  function describePlace(o, p, t) {
    if (o.mode === 'online') return t.onlineFrom.replace('{town}', p.city || '');
    var km = typeof o.distance_km === 'number' ? distanceWords(o.distance_km, t) : '';
    var venue = o.venue && o.venue !== p.city ? t.heldIn.replace('{town}', o.venue) : '';
    return [p.city, venue, km].filter(Boolean).join(' · ');
  }

  /**
   * A distance as the bot's reasons say it (skills_catalog/explain.py distance_words): "under 1 km",
   * else whole km, a half to the even one as Python rounds (12.5 → "12 km", where Math.round gives 13).
   */
  function distanceWords(km, t) {
    var whole = Math.round(km);
    return km < 1 ? t.underKm : (whole - km === 0.5 && whole % 2 ? whole - 1 : whole) + ' km';
  }

  /**
   * A date as the bot's reasons say it: "16 Jun 2027" (skills_catalog/explain.py day). English
   * months from en-US: en-GB writes "Sept", the bot "Sep".
   */
  function formatDate(iso, lang) {
    var d = new Date(iso + 'T00:00:00Z');
    if (isNaN(d)) return iso;
    if (lang === 'en') {
      return d.getUTCDate() + ' ' + d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' }) + ' ' + d.getUTCFullYear();
    }
    return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
  }

  function describeDates(o, t, lang) {
    var when = o.start_date
      ? formatDate(o.start_date, lang) + (o.end_date ? ' – ' + formatDate(o.end_date, lang) : '') : t.rolling;
    return o.duration_hours ? when + ' · ' + t.hours.replace('{n}', o.duration_hours) : when;
  }

  /** In person, online or blended, and the course's languages ("blended (online + in person) · EN/DE"). */
  function describeFormat(o, t) {
    var mode = MODES.indexOf(o.mode) >= 0 ? t[o.mode] : o.mode;
    return [mode, (o.languages || []).join('/').toUpperCase()].filter(Boolean).join(' · ');
  }

  /**
   * The cost as the card's text says it (actions/cards.py cost_words): a funding that says "free"
   * already is said alone, a price beside a funding is the price before it; the euros as they are.
   */
  function describeCost(o, t, lang) {
    var funding = o.funding || '';
    if (o.cost_eur === 0 && /^free/i.test(funding)) return funding;
    var cost = typeof o.cost_eur !== 'number' ? t.costUnknown : o.cost_eur === 0 ? t.free
      : new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2,
        useGrouping: false }).format(o.cost_eur);
    if (o.cost_eur && funding) cost = t.beforeFunding.replace('{cost}', cost);
    return funding ? cost + ' (' + funding + ')' : cost;
  }

  /** Under the results summary's text: a printable view and a downloadable file of the offers. */
  Widget.prototype.summary = function (custom) {
    var t = this.t, self = this, offers = Array.isArray(custom.offers) ? custom.offers : [];
    var print = el('button', { type: 'button', className: 'cc-button', textContent: t.print });
    print.addEventListener('click', function () { printHtml(self.summaryHtml(offers), print); });
    var download = el('button', { type: 'button', className: 'cc-button', textContent: t.download });
    download.addEventListener('click', function () { downloadHtml(self.summaryHtml(offers), 'reskilling-offers.html'); });
    return el('div', { className: 'cc-summary-actions' }, [print, download]);
  };

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** A self-contained HTML page of the offers with partner contacts: no scripts, no external files. */
  Widget.prototype.summaryHtml = function (offers) {
    var t = this.t, lang = this.cfg.lang;
    var items = offers.map(function (o) {
      var p = o.partner || {}, url = safeUrl(o.url || '');
      var web = safeUrl(p.website || '');
      var mail = mailLink(p.email), tel = telLink(p.phone); // DOM nodes: outerHTML escapes them
      var contact = [esc(p.name), web ? '<a href="' + esc(web) + '">' + esc(p.website) + '</a>' : '',
        mail ? mail.outerHTML : esc(p.email), tel ? tel.outerHTML : esc(p.phone)].filter(Boolean).join(' · ');
      var format = describeFormat(o, t);
      return '<section><h2>' + esc(o.title) + '</h2><p>' + esc(p.name) + ' — ' + esc(describePlace(o, p, t)) + '</p><ul>' +
        '<li>' + esc(t.when) + ': ' + esc(describeDates(o, t, lang)) + '</li>' +
        '<li>' + esc(t.cost) + ': ' + esc(describeCost(o, t, lang)) + '</li>' +
        (format ? '<li>' + esc(t.format) + ': ' + esc(format) + '</li>' : '') +
        (o.reasons || []).map(function (r) { return '<li>' + esc(r) + '</li>'; }).join('') +
        '<li>' + esc(t.contact) + ': ' + contact + '</li>' +
        (url ? '<li><a href="' + esc(url) + '">' + esc(url) + '</a></li>' : '') + '</ul></section>';
    }).join('');
    return '<!doctype html><html lang="' + esc(lang) + '"><head><meta charset="utf-8"><title>' + esc(t.summaryTitle) +
      '</title><style>body{font:14px/1.5 system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;color:#111}' +
      'h1{font-size:1.4rem}h2{font-size:1.1rem;margin:1.2rem 0 .2rem}section{break-inside:avoid}</style></head><body><h1>' +
      esc(this.cfg.title) + ': ' + esc(t.summaryTitle) + '</h1><p>' + esc(new Date().toLocaleDateString(lang)) + '</p>' +
      items + '</body></html>';
  };

  /**
   * Prints through a hidden same-document iframe, so only the summary is printed; then focus goes
   * back to `button` (WCAG 2.4.3), not to the page's body where the removed frame would leave it.
   */
  function printHtml(html, button) {
    var frame = el('iframe', { className: 'cc-print-frame', title: 'print', srcdoc: html });
    var back = function () {
      if (button.isConnected && (document.activeElement === frame || document.activeElement === document.body ||
        !document.activeElement)) button.focus();
    };
    frame.addEventListener('load', function () {
      var win = frame.contentWindow;
      win.addEventListener('afterprint', function () { setTimeout(back, 0); });
      win.focus();
      win.print(); // returns when the dialog closes (Chromium), or at once (headless)
      back();
      setTimeout(function () { back(); frame.remove(); back(); }, 1000);
    });
    document.body.append(frame);
  }

  function downloadHtml(html, name) {
    var url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    var a = el('a', { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /** A quick reply answers the message it came with; once the user has moved on, it is spent. */
  function disableQuickReplies(log) {
    log.querySelectorAll('.cc-quick button').forEach(function (b) { b.disabled = true; });
  }

  function icon() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
    svg.append(path);
    return svg;
  }

  // ---- start ---------------------------------------------------------------------------------

  function start() {
    if (window.ClusterChat && typeof window.ClusterChat.open === 'function') return; // tag included twice
    var cfg = readConfig();
    cfg.colours = resolveColours(cfg);
    var widget = new Widget(cfg);
    widget.build();
    if (cfg.css) {
      var link = el('link', { rel: 'stylesheet', href: BASE + 'cluster-chat.css' });
      var show = function () { widget.root.hidden = false; };
      link.addEventListener('load', show);
      link.addEventListener('error', show);
      document.head.append(link);
    }
    /** A small API for the host page, e.g. a "Talk to us" link calling ClusterChat.open(). */
    window.ClusterChat = {
      config: cfg,
      open: function () { widget.open(true); },
      close: function () { widget.close(); },
      send: function (text) { widget.send(text, text); }
    };
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
