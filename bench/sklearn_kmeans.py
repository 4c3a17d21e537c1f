"""Times scikit-learn's KMeans (Lloyd, k-means++) on the benchmark points; prints one line per run:
'sklearn <seconds> <inertia>'."""
import sys, time
import numpy as np
from sklearn.cluster import KMeans

path, k, restarts, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
x = np.fromfile(path, dtype="<f4").reshape(-1, 3)
for r in range(runs):
    t = time.perf_counter()
    km = KMeans(n_clusters=k, n_init=restarts, init="k-means++", algorithm="lloyd", max_iter=300, tol=1e-4, random_state=r).fit(x)
    print(f"sklearn {time.perf_counter() - t:.4f} {km.inertia_:.9g}", flush=True)
