"""Writes the benchmark data: N points with 3 features (float32, little-endian, row-major)
drawn from 8 Gaussian clusters of different sizes and spreads, with a fixed seed."""
import sys
import numpy as np

n, path, seed = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
rng = np.random.default_rng(seed)
k = 8
centres = rng.uniform(0, 100, size=(k, 3))
spread = rng.uniform(3, 12, size=k)
weights = rng.dirichlet(np.full(k, 3.0))
member = rng.choice(k, size=n, p=weights)
points = centres[member] + rng.standard_normal((n, 3)) * spread[member, None]
points.astype("<f4").tofile(path)
