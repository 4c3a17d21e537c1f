"""Writes hspy_truth.json: what HyperSpy itself reads from each test file of this folder.

Same fields as ../../../../../../../../shared/data/dm_truth.json (numpy_shape and axes slowest
first), plus each axis's navigate flag. Run with HyperSpy 1.7.x: /usr/bin/python3 make_truth.py
"""
import glob, json, warnings
import numpy as np
import hyperspy.api as hs

warnings.simplefilter("ignore")


def text(value):
    value = str(value)
    return "" if value == "<undefined>" else value


truth = {}
for name in sorted(glob.glob("*.hspy") + glob.glob("*.hdf5")):
    try:
        s = hs.load(name)
    except Exception as e:
        truth[name] = {"error": str(e)}
        continue
    data = s.data
    real = data.dtype.kind in "iufb"
    truth[name] = {
        "dtype": data.dtype.name if data.dtype.names is None else str(data.dtype.names),
        "numpy_shape": list(data.shape),
        "axes": [dict(name=text(a.name), size=a.size, scale=a.scale, offset=a.offset,
                      units=text(a.units), navigate=bool(a.navigate))
                 for a in sorted(s.axes_manager._axes, key=lambda a: a.index_in_array)],
        "signal_type": s.metadata.Signal.signal_type,
        "title": s.metadata.General.title,
        "mean": float(np.mean(data)) if real else None,
        "beam_energy_keV": s.metadata.get_item("Acquisition_instrument.TEM.beam_energy"),
    }
with open("hspy_truth.json", "w") as f:
    json.dump(truth, f, indent=1, ensure_ascii=False)
    f.write("\n")
