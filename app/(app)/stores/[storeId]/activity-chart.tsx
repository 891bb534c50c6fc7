import type { Formatter } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { ACTIVITY_HOURS, type StoreActivity } from "@/lib/imports/store-activity";

const HOUR = 3_600_000;
/** Horizontal room for one hour, and the bar within it. */
const STEP = 3;
const BAR = 2.4;
const LEFT = 36;
const RIGHT = 6;
const TOP = 6;
const BARS_HEIGHT = 110;
const LANE_GAP = 12;
/** Import rows under the bars: automatic, Import button and API, webhook. */
const LANES = ["schedule", "manual", "webhook"] as const;
const LANES_TOP = TOP + BARS_HEIGHT + 10;
const AXIS_Y = LANES_TOP + LANES.length * LANE_GAP + 12;
const WIDTH = LEFT + ACTIVITY_HOURS * STEP + RIGHT;
const HEIGHT = AXIS_Y + 6;

type Lane = (typeof LANES)[number];
const laneOf = (trigger: string): Lane => (trigger === "schedule" ? "schedule" : trigger === "webhook" ? "webhook" : "manual");
const laneY = (lane: Lane) => LANES_TOP + LANES.indexOf(lane) * LANE_GAP;
const hourX = (hour: number) => LEFT + hour * STEP;

/**
 * The store's last 14 days, drawn on the server: a bar per hour for the orders placed in it, and
 * under the bars a mark per hour with imports, one row per kind of import, a cross for a failure.
 * Days are labelled in the merchant's time zone. Screen readers get the title, a description and
 * the summary line under it.
 */
export function ActivityChart({ activity, storeName, t, format }: { activity: StoreActivity; storeName: string; t: Translate; format: Formatter }) {
  const busiest = Math.max(0, ...activity.orders);
  const max = Math.max(1, busiest);
  const summary = [
    t("stores.activity.orders", { count: activity.totals.orders }),
    t("stores.activity.imports", { count: activity.totals.imports }),
    t("stores.activity.failed", { count: activity.totals.failed }),
  ].join(", ");
  const marks = new Map<string, { hour: number; lane: Lane; runs: number; failed: number }>();
  for (const row of activity.imports) {
    const lane = laneOf(row.trigger);
    const key = `${row.hour}:${lane}`;
    const mark = marks.get(key) ?? { hour: row.hour, lane, runs: 0, failed: 0 };
    mark.runs += row.runs;
    mark.failed += row.failed;
    marks.set(key, mark);
  }
  const days = dayStarts(activity.from, format);
  const lastHourStart = activity.to - HOUR;

  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full text-slate-500"
        role="img"
        aria-labelledby="activity-title activity-desc"
        data-testid="activity-chart"
      >
        <title id="activity-title">{t("stores.activity.chartTitle", { store: storeName })}</title>
        <desc id="activity-desc">
          {t("stores.activity.chartDesc", { from: format.dateTime(activity.from), to: format.dateTime(lastHourStart), max: t("stores.activity.orders", { count: busiest }) })}
        </desc>
        <g className="stroke-slate-200" strokeWidth={1}>
          {days.map((day) => (
            <line key={day.hour} x1={hourX(day.hour)} x2={hourX(day.hour)} y1={TOP} y2={AXIS_Y - 9} />
          ))}
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + BARS_HEIGHT} y2={TOP + BARS_HEIGHT} className="stroke-slate-400" />
        </g>
        <g className="fill-current" fontSize={10}>
          <text x={LEFT - 4} y={TOP + 8} textAnchor="end">
            {format.number(max)}
          </text>
          <text x={LEFT - 4} y={TOP + BARS_HEIGHT} textAnchor="end">
            0
          </text>
          {days.map((day) => (
            <text key={day.hour} x={hourX(day.hour) + 2} y={AXIS_Y}>
              {day.label}
            </text>
          ))}
        </g>
        <g className="fill-brand-600">
          {activity.orders.map((count, hour) => {
            if (count === 0) return null;
            const height = Math.max(1, (count / max) * BARS_HEIGHT);
            return (
              <rect key={hour} x={hourX(hour)} y={TOP + BARS_HEIGHT - height} width={BAR} height={height} data-testid="activity-bar">
                <title>{t("stores.activity.hour", { time: format.dateTime(activity.from + hour * HOUR), orders: t("stores.activity.orders", { count }) })}</title>
              </rect>
            );
          })}
        </g>
        {LANES.map((lane) => (
          <g key={lane} className={lane === "schedule" ? "fill-emerald-600" : lane === "manual" ? "fill-slate-700" : "fill-violet-500"}>
            {[...marks.values()]
              .filter((mark) => mark.lane === lane && mark.failed < mark.runs)
              .map((mark) => (
                <rect key={mark.hour} x={hourX(mark.hour)} y={laneY(lane) - 4} width={BAR} height={8} data-testid={`import-mark-${lane}`}>
                  <title>{`${t(`stores.activity.lanes.${lane}`)}, ${format.dateTime(activity.from + mark.hour * HOUR)}: ${t("stores.activity.imports", { count: mark.runs })}`}</title>
                </rect>
              ))}
          </g>
        ))}
        <g className="stroke-red-600" strokeWidth={1.4} fill="none">
          {[...marks.values()]
            .filter((mark) => mark.failed > 0)
            .map((mark) => {
              const x = hourX(mark.hour) + BAR / 2;
              const y = laneY(mark.lane);
              return (
                <path key={`${mark.hour}:${mark.lane}`} d={`M${x - 3} ${y - 3}L${x + 3} ${y + 3}M${x - 3} ${y + 3}L${x + 3} ${y - 3}`} data-testid="import-mark-failed">
                  <title>{`${t("stores.activity.failedMark")}, ${format.dateTime(activity.from + mark.hour * HOUR)}: ${t("stores.activity.failed", { count: mark.failed })}`}</title>
                </path>
              );
            })}
        </g>
      </svg>
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
        <span className="font-medium text-slate-800" data-testid="activity-summary">
          {summary}
        </span>
        <Legend swatch="bg-emerald-600">{t("stores.activity.lanes.schedule")}</Legend>
        <Legend swatch="bg-slate-700">{t("stores.activity.lanes.manual")}</Legend>
        <Legend swatch="bg-violet-500">{t("stores.activity.lanes.webhook")}</Legend>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="font-bold text-red-600">
            ×
          </span>
          {t("stores.activity.failedMark")}
        </span>
      </figcaption>
    </figure>
  );
}

function Legend({ swatch, children }: { swatch: string; children: React.ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span aria-hidden className={`inline-block h-2.5 w-1 ${swatch}`} />
      {children}
    </span>
  );
}

/** The hours of the window where a new day starts in the merchant's time zone, with that day's label. */
function dayStarts(from: number, format: Formatter): { hour: number; label: string }[] {
  const starts: { hour: number; label: string }[] = [];
  let previous = format.date(from - HOUR);
  for (let hour = 0; hour < ACTIVITY_HOURS; hour++) {
    const day = format.date(from + hour * HOUR);
    if (day !== previous) starts.push({ hour, label: format.day(from + hour * HOUR) });
    previous = day;
  }
  // A label too close to the right edge would be cut off.
  return starts.filter((start) => start.hour <= ACTIVITY_HOURS - 10);
}
