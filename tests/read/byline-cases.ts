/**
 * Real-world paragraphs that start with "By": sentences (ledes and body text of wire stories, which must
 * stay body text) and bylines (which must be recognised, names and place as written). Shared by the
 * recogniser's tests and the through-the-build tests.
 */

/** Ledes and paragraphs from published stories that start with "By" and are no byline. */
export const LEDES: readonly string[] = [
  'By the end of 2025, Bank Rate could stand at 3.75%, according to minutes of the Monetary Policy Committee meeting.',
  'By Tuesday evening, more than 20,000 people had been evacuated from low-lying areas along the river.',
  'By contrast, exports to the European Union fell 3.2 percent year-on-year in the first half.',
  'By 2030 the country aims to have 1,200 gigawatts of installed wind and solar capacity.',
  'By then, the rescue teams had reached the village.',
  'By law, the election must be held within 60 days of parliament being dissolved.',
  'By most measures, the economy has recovered faster than expected.',
  'By far the largest contributor to growth was household consumption.',
  'By comparison, the same period last year saw a 4.1 percent increase.',
  'By midday on Friday, the index had recovered most of its losses.',
  'By Monday, the ceasefire appeared to be holding.',
  'By Christmas Day the shelves were empty.',
  'By December the talks had stalled again.',
  'By some estimates, as many as a million people took part in the protests.',
  'By the time firefighters arrived, the warehouse was engulfed in flames.',
  "By China's own count, the number of visitors rose to 35 million.",
  'By Western standards, the measures are modest.',
  'By doing so, the central bank hopes to stabilize the currency.',
  'By late afternoon, the storm had moved out to sea.',
  'By Thursday night, officials said, the power had been restored to most homes.',
  'By President Xi Jinping\'s account, the two sides reached "important consensus".',
  'By its own admission, the company failed to act on the warnings.',
  'By 9 pm local time, polling stations had closed.',
  'By and large, the reforms have been welcomed by businesses.',
  'By Tuesday',
  'By September',
  'By Zhang Wei.',
  'By the numbers: China\'s ports in 2024',
];

/** Bylines from published stories: the paragraph, the names and the place it gives. */
export const BYLINES: readonly { text: string; names: string[]; place?: string }[] = [
  { text: 'By Zhang Wei', names: ['Zhang Wei'] },
  { text: 'By Zhang Wei and Li Na', names: ['Zhang Wei', 'Li Na'] },
  { text: 'By Liu Caiyu, Zhang Han and Li Hao', names: ['Liu Caiyu', 'Zhang Han', 'Li Hao'] },
  { text: 'By Zhang Wei, Li Na in Beijing', names: ['Zhang Wei', 'Li Na'], place: 'Beijing' },
  { text: 'By Global Times staff', names: ['Global Times staff'] },
  { text: 'By GT staff reporters', names: ['GT staff reporters'] },
  { text: 'By AFP', names: ['AFP'] },
  { text: 'By Reuters', names: ['Reuters'] },
  { text: 'By The Associated Press', names: ['The Associated Press'] },
  { text: "By Jane O'Hara and Li Wei", names: ["Jane O'Hara", 'Li Wei'] },
  { text: 'By J. K. Rowling', names: ['J. K. Rowling'] },
  { text: 'By Jean-Pierre Dupont and Ludwig van Beethoven', names: ['Jean-Pierre Dupont', 'Ludwig van Beethoven'] },
  { text: 'By Luiz Inácio da Silva in Rio de Janeiro', names: ['Luiz Inácio da Silva'], place: 'Rio de Janeiro' },
  { text: 'By Mohammed bin Rashid & Omar al-Sayed', names: ['Mohammed bin Rashid', 'Omar al-Sayed'] },
  { text: 'By Zoë Müller, Ana Pérez, and Søren Kierkegaard', names: ['Zoë Müller', 'Ana Pérez', 'Søren Kierkegaard'] },
  { text: 'By 张伟 and 李娜', names: ['张伟', '李娜'] },
  { text: 'By 张伟、李娜 in 北京', names: ['张伟', '李娜'], place: '北京' },
  { text: 'By 阿卜杜拉·艾力', names: ['阿卜杜拉·艾力'] },
  { text: 'By محمد علي', names: ['محمد علي'] },
  { text: 'By Иван Петров and Ольга Смирнова', names: ['Иван Петров', 'Ольга Смирнова'] },
  { text: 'By 김민준', names: ['김민준'] },
  { text: 'By राहुल शर्मा in New Delhi', names: ['राहुल शर्मा'], place: 'New Delhi' },
  { text: 'By Sunday Times staff', names: ['Sunday Times staff'] },
  { text: 'By April Ryan', names: ['April Ryan'] },
  { text: 'BY JOHN SMITH AND MARY JONES', names: ['JOHN SMITH', 'MARY JONES'] },
  { text: 'By Dr. Martin Luther King Jr. in Atlanta', names: ['Dr. Martin Luther King Jr.'], place: 'Atlanta' },
];
