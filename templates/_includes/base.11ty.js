// The frame of every page but the articles' (which frame themselves): src/site/page-frame.ts.
export function render(data) {
  return this.pageFrame(data, data.content);
}
