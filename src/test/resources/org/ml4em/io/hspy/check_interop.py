"""Loads every file HyperSpyInteropDemo wrote with HyperSpy and compares with its expected.json.

Usage: /usr/bin/python3 check_interop.py FOLDER   (needs HyperSpy 1.7+; Debian: python3-hyperspy)
Prints one line per mismatch and closes with 'N passed, N failed'.
"""
import json, math, os, sys, warnings
import numpy as np
import hyperspy.api as hs

warnings.simplefilter("ignore")
folder = sys.argv[1]
expected = json.load(open(os.path.join(folder, "expected.json")))
passed = failed = 0
for name, want in sorted(expected.items()):
    problems = []
    try:
        s = hs.load(os.path.join(folder, name))
        axes = sorted(s.axes_manager._axes, key=lambda a: a.index_in_array)
        got = {
            "dtype": s.data.dtype.name, "numpy_shape": list(s.data.shape),
            "title": s.metadata.General.title, "signal_type": s.metadata.Signal.signal_type,
            "beam_energy_keV": s.metadata.get_item("Acquisition_instrument.TEM.beam_energy"),
        }
        for key, value in got.items():
            if value != want[key]:
                problems.append(f"{key}: {value!r} != {want[key]!r}")
        if not math.isclose(float(np.mean(s.data, dtype=np.float64)), want["mean"], rel_tol=1e-12, abs_tol=1e-12):
            problems.append(f"mean {np.mean(s.data, dtype=np.float64)} != {want['mean']}")
        for a, w in zip(axes, want["axes"]):
            name_, units = ("" if str(v) == "<undefined>" else str(v) for v in (a.name, a.units))
            if (name_, a.size, a.scale, a.offset, units, bool(a.navigate)) != \
                    (w["name"], w["size"], w["scale"], w["offset"], w["units"], w["navigate"]):
                problems.append(f"axis {a.index_in_array}: {a} != {w}")
        if s.original_metadata.get_item("Original.flag") is not True:
            problems.append("original_metadata.Original.flag is not True")
    except Exception as e:
        problems.append(f"cannot load: {e!r}")
    if problems:
        failed += 1
        print(name, "; ".join(problems))
    else:
        passed += 1
print(f"{passed} passed, {failed} failed")
