"""Times scikit-learn's KMeans (Lloyd, k-means++) on the benchmark points; prints one line per run:
'sklearn <seconds> <inertia> <inertia as reported>'. The first inertia is recomputed in float64
from scikit-learn's labels and centres: on float32 input scikit-learn accumulates its own in
float32, which reads about 0.02 % low on 4 million points."""
import sys, time
import numpy as np
from sklearn.cluster import KMeans

path, k, restarts, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
x = np.fromfile(path, dtype="<f4").reshape(-1, 3)
for r in range(runs):
    t = time.perf_counter()
    km = KMeans(n_clusters=k, n_init=restarts, init="k-means++", algorithm="lloyd", max_iter=300, tol=1e-4, random_state=r).fit(x)
    seconds = time.perf_counter() - t
    exact = ((x.astype(np.float64) - km.cluster_centers_.astype(np.float64)[km.labels_]) ** 2).sum()
    print(f"sklearn {seconds:.4f} {exact:.9g} {km.inertia_:.9g}", flush=True)
