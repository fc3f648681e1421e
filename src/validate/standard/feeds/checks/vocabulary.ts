/**
 * HTML vocabulary for checking HTML carried in feeds: the element names of HTML (current and obsolete,
 * WHATWG HTML §4 and §16), those feed readers' sanitisers remove (scripts, embedded documents, document
 * structure), and the attributes they keep.
 */

/** Every HTML element name, including obsolete ones readers still recognise. */
export const HTML_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'a abbr acronym address applet area article aside audio b base basefont bdi bdo big blink blockquote body br button canvas caption ' +
    'center cite code col colgroup command comment data datalist dd del details dfn dialog dir div dl dt em embed fieldset figcaption ' +
    'figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img image input ins isindex kbd keygen ' +
    'label legend li link listing main map mark marquee menu menuitem meta meter multicol nav nextid nobr noembed noframes noscript object ol ' +
    'optgroup option output p param picture plaintext pre progress q rb rp rt rtc ruby s samp script search section select slot small ' +
    'source spacer span strike strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul ' +
    'var video wbr xmp math svg'
  ).split(' '),
);

/** Elements feed readers remove from HTML content: scripts, styles, frames, plug-ins, document-level elements. */
export const UNSAFE_ELEMENTS: ReadonlySet<string> = new Set(
  'applet base basefont blink body comment embed frame frameset head html iframe isindex link listing marquee meta noembed noframes object param plaintext script slot style title xmp'.split(' '),
);

/** Attributes feed readers keep on HTML elements (presentation and content attributes; no event handlers). */
export const SAFE_ATTRIBUTES: ReadonlySet<string> = new Set(
  (
    'abbr accept accept-charset accesskey action align allow allowfullscreen alt autocapitalize autocomplete autofocus autoplay axis ' +
    'background bgcolor border bordercolor cellpadding cellspacing char charoff charset checked cite class clear color cols colspan compact ' +
    'content contenteditable controls coords crossorigin datetime decoding default dir dirname disabled download draggable enctype face for ' +
    'form frame headers height hidden high href hreflang hspace id inputmode ismap itemid itemprop itemref itemscope itemtype kind label ' +
    'lang loading list longdesc loop low max maxlength media method min minlength multiple muted name nohref noshade nowrap open optimum ' +
    'pattern ping placeholder playsinline poster preload readonly referrerpolicy rel required rev reversed rows rowspan rules scope ' +
    'selected shape size sizes span spellcheck src srclang srcset start step summary tabindex target title translate type usemap valign ' +
    'value vspace width wrap xml:lang xmlns'
  ).split(' '),
);
