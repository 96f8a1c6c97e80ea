import { describe, expect, it } from 'vitest';
import { fmt, histogramDelta, parseProm, percentile, promSum, rate, summarize, table } from './lib.mjs';

describe('summarize', () => {
  it('gives nearest-rank percentiles of the finite values, rounded to a tenth', () => {
    const values = [...Array.from({ length: 99 }, (_, i) => i + 1), 1000.04, NaN, Infinity];
    expect(summarize(values)).toEqual({ n: 100, p50: 50, p99: 99, max: 1000, mean: 59.5 });
    expect(percentile([1, 2, 3], 0)).toBe(1);
  });

  it('has no figures for no values', () => {
    expect(summarize([])).toEqual({ n: 0, p50: null, p99: null, max: null, mean: null });
  });
});

describe('rate', () => {
  it('is per second, and null without elapsed time', () => {
    expect(rate(150, 2000)).toBe(75);
    expect(rate(5, 0)).toBeNull();
  });
});

/** @param {number} count @param {number} sum @param {Record<string, number>} buckets */
const scrape = (count, sum, buckets) =>
  parseProm(
    [
      '# HELP http_request_duration_seconds x',
      ...Object.entries(buckets).map(
        ([le, n]) => `http_request_duration_seconds_bucket{method="POST",le="${le}"} ${n}`,
      ),
      `http_request_duration_seconds_count{method="POST"} ${count}`,
      `http_request_duration_seconds_sum{method="POST"} ${sum}`,
      'http_request_duration_seconds_count{method="GET"} 999',
    ].join('\n'),
  );

describe('Prometheus text', () => {
  it('parses labels and sums the rows that match', () => {
    const rows = parseProm('a_total{outcome="processed",x="1"} 3\na_total{outcome="duplicate"} 2\nb 7\n');
    expect(rows[0]).toEqual({ name: 'a_total', labels: { outcome: 'processed', x: '1' }, value: 3 });
    expect(promSum(rows, 'a_total')).toBe(5);
    expect(promSum(rows, 'a_total', { outcome: 'duplicate' })).toBe(2);
  });

  it('takes the difference of a histogram between two scrapes', () => {
    const before = scrape(10, 1, { 0.01: 5, 0.1: 10, '+Inf': 10 });
    const after = scrape(110, 6, { 0.01: 55, 0.1: 109, '+Inf': 110 });
    expect(histogramDelta(before, after, 'http_request_duration_seconds', { method: 'POST' }, 1000)).toEqual({
      count: 100,
      mean: 50,
      p50Bucket: 10,
      p99Bucket: 100,
      buckets: { 10: 50, 100: 49, '+Inf': 1 },
    });
  });

  it('has no histogram figures for an app that was not scraped', () => {
    expect(histogramDelta([], [], 'x')).toEqual({
      count: null,
      mean: null,
      p50Bucket: null,
      p99Bucket: null,
      buckets: {},
    });
  });
});

describe('printing', () => {
  it('pads table columns to the widest cell', () => {
    expect(
      table([
        ['a', 'bb'],
        ['ccc', null],
      ]),
    ).toBe('a    bb\n---  --\nccc');
  });

  it('formats numbers with thousands separators and missing figures as n/a', () => {
    expect(fmt(12345.67, ' ms')).toBe('12,345.7 ms');
    expect(fmt(null)).toBe('n/a');
    expect(fmt(NaN)).toBe('n/a');
    expect(fmt('x', '!')).toBe('x!');
  });
});
