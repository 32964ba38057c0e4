/** Where the decision plot shades and points, in input units (the unit square); the SVG only scales it. */
import { neuronZ, type DecisionSegment } from '../../../engine/models/logic-gates';

type Point = [number, number];

/** Corners on the z > 0 side plus the line's ends, in angular order: the shaded part of the square. */
export function positiveRegion(theta: readonly number[], line: DecisionSegment | null): Point[] {
  const corners = ([[0, 0], [1, 0], [1, 1], [0, 1]] as Point[]).filter(([a, b]) => neuronZ(theta, [a, b]) > 0);
  const ends: Point[] = line ? [[line.from.x1, line.from.x2], [line.to.x1, line.to.x2]] : [];
  const points = [...corners, ...ends];
  if (points.length < 3) return [];
  const cx = points.reduce((sum, p) => sum + p[0], 0) / points.length;
  const cy = points.reduce((sum, p) => sum + p[1], 0) / points.length;
  return points.sort((p, q) => Math.atan2(p[1] - cy, p[0] - cx) - Math.atan2(q[1] - cy, q[0] - cx));
}

/** A short arrow from the line's middle along (θ1, θ2), the direction in which z grows. */
export function normalArrow(line: DecisionSegment, reach = 0.14): { from: Point; to: Point } {
  const length = Math.hypot(line.normal.x1, line.normal.x2);
  const mx = (line.from.x1 + line.to.x1) / 2;
  const my = (line.from.x2 + line.to.x2) / 2;
  return { from: [mx, my], to: [mx + (line.normal.x1 / length) * reach, my + (line.normal.x2 / length) * reach] };
}
