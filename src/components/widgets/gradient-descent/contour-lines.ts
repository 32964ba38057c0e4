/**
 * Marching squares: the pieces of the curve J = level through a grid of samples, in grid
 * coordinates (column, row; fractional where the level is crossed between two samples).
 */
export type Segment = [x1: number, y1: number, x2: number, y2: number];

/** Where on the edge between two samples the level is crossed, from 0 (at a) to 1 (at b). */
const crossing = (a: number, b: number, level: number) => (a === b ? 0.5 : (level - a) / (b - a));

export function contourSegments(values: readonly (readonly number[])[], level: number): Segment[] {
  const segments: Segment[] = [];
  for (let row = 0; row + 1 < values.length; row++) {
    for (let col = 0; col + 1 < values[row].length; col++) {
      const topLeft = values[row][col];
      const topRight = values[row][col + 1];
      const bottomRight = values[row + 1][col + 1];
      const bottomLeft = values[row + 1][col];
      const top: [number, number] = [col + crossing(topLeft, topRight, level), row];
      const right: [number, number] = [col + 1, row + crossing(topRight, bottomRight, level)];
      const bottom: [number, number] = [col + crossing(bottomLeft, bottomRight, level), row + 1];
      const left: [number, number] = [col, row + crossing(topLeft, bottomLeft, level)];
      const above = [topLeft > level, topRight > level, bottomRight > level, bottomLeft > level];
      const crossed: [number, number][] = [];
      if (above[0] !== above[1]) crossed.push(top);
      if (above[1] !== above[2]) crossed.push(right);
      if (above[2] !== above[3]) crossed.push(bottom);
      if (above[3] !== above[0]) crossed.push(left);
      if (crossed.length === 2) {
        segments.push([...crossed[0], ...crossed[1]]);
      } else if (crossed.length === 4) {
        // A saddle cell: the cell's mean decides which diagonal pair of corners the curve separates.
        const centreAbove = (topLeft + topRight + bottomRight + bottomLeft) / 4 > level;
        if (centreAbove === above[0]) {
          segments.push([...top, ...right], [...bottom, ...left]);
        } else {
          segments.push([...top, ...left], [...right, ...bottom]);
        }
      }
    }
  }
  return segments;
}
