"""Reads a feed document on stdin with the Universal Feed Parser and prints what it understood as JSON.

Used by tests/clients/feedparser.test.ts. Run as `python3 tests/helpers/read_feed.py < feed.xml`;
with `--probe` it only prints the feedparser version (exit 1 when feedparser is not importable); with
`--many` it reads a JSON array of documents and prints a JSON array of results.
Times are printed as UTC instants (`2024-09-04T13:03:00Z`) from feedparser's parsed struct_time.
"""

import calendar
import json
import sys
import time


def instant(parsed):
    if parsed is None:
        return None
    return time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(calendar.timegm(parsed)))


def detail(value):
    if value is None:
        return None
    return {'value': value.get('value'), 'type': value.get('type'), 'language': value.get('language')}


def entry_of(entry):
    return {
        'title': entry.get('title'),
        'title_detail': detail(entry.get('title_detail')),
        'link': entry.get('link'),
        'links': [{'rel': l.get('rel'), 'href': l.get('href'), 'type': l.get('type'), 'length': l.get('length')} for l in entry.get('links', [])],
        'id': entry.get('id'),
        'guidislink': entry.get('guidislink'),
        'published': instant(entry.get('published_parsed')),
        'updated': instant(entry.get('updated_parsed')),
        'authors': [a.get('name') for a in entry.get('authors', [])],
        'tags': [{'term': t.get('term'), 'scheme': t.get('scheme'), 'label': t.get('label')} for t in entry.get('tags', [])],
        'summary': entry.get('summary'),
        'summary_detail': detail(entry.get('summary_detail')),
        'content': [detail(c) for c in entry.get('content', [])],
        'media_content': [dict(m) for m in entry.get('media_content', [])],
        'media_credit': [dict(c) for c in entry.get('media_credit', [])],
        'media_description': entry.get('media_description'),
        'enclosures': [{'href': e.get('href'), 'type': e.get('type'), 'length': e.get('length')} for e in entry.get('enclosures', [])],
    }


def main():
    import feedparser

    if '--probe' in sys.argv:
        print(json.dumps({'version': feedparser.__version__}))
        return
    if '--many' in sys.argv:
        # A JSON array of documents on stdin, one result each: one Python start for a whole property run.
        documents = json.loads(sys.stdin.buffer.read().decode('utf-8'))
        print(json.dumps([result_of(feedparser.parse(d.encode('utf-8'))) for d in documents], ensure_ascii=False))
        return
    print(json.dumps(result_of(feedparser.parse(sys.stdin.buffer.read())), ensure_ascii=False))


def result_of(parsed):
    feed = parsed.get('feed', {})
    return {
        'bozo': int(parsed.get('bozo', 0)),
        'bozo_exception': str(parsed.get('bozo_exception')) if parsed.get('bozo') else None,
        'version': parsed.get('version'),
        'encoding': parsed.get('encoding'),
        'namespaces': dict(parsed.get('namespaces', {})),
        'feed': {
            'title': feed.get('title'),
            'link': feed.get('link'),
            'links': [{'rel': l.get('rel'), 'href': l.get('href'), 'type': l.get('type')} for l in feed.get('links', [])],
            'id': feed.get('id'),
            'language': feed.get('language'),
            'updated': instant(feed.get('updated_parsed')),
        },
        'entries': [entry_of(e) for e in parsed.get('entries', [])],
    }


if __name__ == '__main__':
    main()
