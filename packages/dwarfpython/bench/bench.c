/* The C side of dwarfpython's benchmarks: compiled with -g by bench/run.mjs. */
struct pt {
  int x;
  int y;
  double w;
};

static struct pt shared = { 1, 2, 3.0 };

int add(int a, int b) { return a + b; }
int pt_sum(const struct pt *p) { return p->x + p->y; }
struct pt *pt_get(void) { return &shared; }
/* Calls fn n times: the cost of one C -> host callback round trip is the total over n. */
long call_n(int (*fn)(int), int n) {
  long s = 0;
  for (int i = 0; i < n; i++) s += fn(i);
  return s;
}
