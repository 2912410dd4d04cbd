#!/usr/bin/python3
"""Reads an EDF+ file with MNE-Python (Debian's python3-mne) and prints what it read as JSON: the recording's start,
each channel's rate, unit and samples in physical units (one channel per read, so that no channel is resampled to
another's rate), and the annotations. Used by EdfExportTest as an independent reader.

Usage: read_edf.py FILE [FROM:TO]   (FROM:TO: print only the samples from FROM to TO seconds after the start)"""
import json
import sys
import warnings

import mne

path = sys.argv[1]
window = [float(x) for x in sys.argv[2].split(":")] if len(sys.argv) > 2 else None
mne.set_log_level("ERROR")
warnings.simplefilter("ignore")
whole = mne.io.read_raw_edf(path, preload=False)
names = list(whole.ch_names)
out = {"meas_date": whole.info["meas_date"].isoformat() if whole.info["meas_date"] else None,
       "mne": mne.__version__, "channels": [], "annotations": []}
for name in names:
    raw = mne.io.read_raw_edf(path, exclude=[n for n in names if n != name], preload=True)
    data = raw.get_data()[0]
    unit = raw._orig_units.get(name, "")
    # MNE gives volts for a channel in mV; every other unit as read
    scale = 1000.0 if unit == "mV" else 1.0
    sfreq = raw.info["sfreq"]
    first, last = (0, len(data)) if window is None else (int(round(window[0] * sfreq)), int(round(window[1] * sfreq)))
    out["channels"].append({"name": name, "sfreq": sfreq, "unit": unit, "n": len(data), "first": first,
                            "samples": [float(v) * scale for v in data[first:last]]})
for a in whole.annotations:
    out["annotations"].append({"onset": float(a["onset"]), "duration": float(a["duration"]), "text": a["description"]})
json.dump(out, sys.stdout)
