"""Writes the HyperSpy-made test files of this folder with HyperSpy itself.

Run with HyperSpy 1.7.x (Debian/Ubuntu: apt-get install python3-hyperspy):
    /usr/bin/python3 make_fixtures.py && /usr/bin/python3 make_truth.py
"""
import numpy as np
import hyperspy.api as hs

# A small EELS spectrum image, saved as HyperSpy saves by default (chunked, gzip + shuffle),
# with metadata exercising HyperSpy's encodings of lists, tuples, None, bools and nesting.
si = hs.signals.EELSSpectrum(np.arange(2 * 3 * 16, dtype=np.float32).reshape(2, 3, 16) / 4)
si.metadata.General.title = "EELS SI"
for axis, (name, scale, offset, units) in zip(si.axes_manager._axes, [
        ("y", 0.5, -1.0, "nm"), ("x", 0.25, 2.0, "nm"), ("Energy loss", 0.1, -0.5, "eV")]):
    axis.name, axis.scale, axis.offset, axis.units = name, scale, offset, units
si.set_microscope_parameters(beam_energy=200.0, convergence_angle=10.0, collection_angle=20.0)
si.metadata.set_item("Acquisition_instrument.TEM.Detector.EELS.exposure", 0.5)
si.metadata.set_item("Acquisition_instrument.TEM.microscope", "Test TEM")
si.metadata.General.date = "2021-03-04"
si.metadata.General.time = "05:06:07"
si.original_metadata.add_dictionary({
    "numbers": [1, 2, 3],
    "floats": (0.5, 1.5),
    "strings": ["a", "bc"],
    "mixed": [1, {"a": 2}, 3.0],
    "nested": [[1, 2], [3, 4]],
    "empty_list": [],
    "empty_tuple": (),
    "nothing": None,
    "flag": True,
    "unicode": "Ångström µm",
    "deep": {"level1": {"level2": {"value": 42}}},
})
si.save("eels_si_v3.1.hspy", overwrite=True)

# Complex values: reported as complex64, never read as numbers.
c = hs.signals.ComplexSignal2D((np.arange(6) + 1j * np.arange(6)).astype(np.complex64).reshape(2, 3))
c.metadata.General.title = "complex"
c.save("complex_v3.1.hspy", overwrite=True)
