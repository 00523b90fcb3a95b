/**
 * A chart drawn with Observable Plot, loaded when the chart first comes near the screen (an IntersectionObserver:
 * a chart below the fold costs a slow link nothing until the user scrolls to it; Plot is 115 KB), at the width of
 * its box (a ResizeObserver: the side panel, the phone's sheet). `draw` builds the chart from Plot and the width; it is
 * drawn again when `deps` change.
 */
import { useContext, useEffect, useRef, useState, type DependencyList } from 'react';
import { OFFLINE_MESSAGES } from '../i18n/offline-messages.ts';
import { LangContext } from '../i18n/use-i18n.ts';
import { useConnectivity } from '../lib/connectivity.ts';

type Plot = typeof import('./plot-lib.ts');

export function PlotFigure({
  caption,
  draw,
  deps,
  loading,
  testId,
}: {
  caption: string;
  draw(plot: Plot, width: number): Element;
  deps: DependencyList;
  /** Shown until the chart is drawn. */
  loading: string;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [near, setNear] = useState(false);
  // Offline, a chart whose code was never loaded says so in words, and is drawn when the link returns.
  const [failed, setFailed] = useState(false);
  const { offline } = useConnectivity();
  const o = OFFLINE_MESSAGES[useContext(LangContext)];
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const seen = new ResizeObserver(([e]) => setWidth(Math.floor(e!.contentRect.width)));
    seen.observe(el);
    const approach = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          approach.disconnect();
        }
      },
      { rootMargin: '200px' },
    );
    approach.observe(el);
    return () => {
      seen.disconnect();
      approach.disconnect();
    };
  }, []);
  useEffect(() => {
    const el = box.current;
    if (!el || width === 0 || !near) return;
    let live = true;
    void import('./plot-lib.ts')
      .then((plot) => {
        if (!live) return;
        setFailed(false);
        el.replaceChildren(draw(plot, width));
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
    // `draw` is a new function each render; what it draws is named by `deps`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [width, near, failed && offline, ...deps]);
  return (
    <figure className="plot-figure" data-testid={testId}>
      <figcaption>{caption}</figcaption>
      <div ref={box} className="plot" role="img" aria-label={caption}>
        <p className="muted">{loading}</p>
      </div>
      {failed && (
        <p className="warn-text" data-testid="chart-not-kept">
          {offline ? o.chartNotKept : o.chartFailed}
        </p>
      )}
    </figure>
  );
}
