#!/usr/bin/env python3
"""Makes the libtiff-written TIFF fixtures of TiffReaderFormatsTest.

Needs numpy and libtiff's tiffcp (Debian: libtiff-tools). Writes a plain uncompressed base
file per sample type, then lets tiffcp rewrite it compressed, tiled, planar or big-endian, so
the fixtures come from libtiff, not from this project's code. The pixel values follow
pattern() below, which TiffReaderFormatsTest recomputes.

    python3 make_fixtures.py OUTPUT_DIR
"""
import os, struct, subprocess, sys, tempfile
import numpy as np

W, H, PAGES = 37, 23, 2


def pattern(dtype, w, h, pages, spp):
    """Value of sample s of pixel (x, y) on page p; exact in every type."""
    p, y, x, s = np.meshgrid(np.arange(pages), np.arange(h), np.arange(w), np.arange(spp), indexing="ij")
    v = x * 3 + y * 11 + p * 101 + s * 53  # integers 0..~600
    kind = np.dtype(dtype).kind
    if kind == "f":
        return ((v - 300) * 0.25).astype(dtype)
    info = np.iinfo(dtype)
    if dtype == np.uint8:
        return (v % 256).astype(dtype)
    if dtype == np.int8:
        return (v % 256 - 128).astype(dtype)
    # wider integers: spread over the type's range, including its extremes' neighbourhood
    scale = (int(info.max) - int(info.min)) // 700
    return (int(info.min) + v.astype(object) * scale).astype(dtype)


def noise(w, h):
    """Incompressible bytes, so LZW runs through full tables and clear codes."""
    y, x = np.mgrid[0:h, 0:w].astype(np.int64)
    return (((x * 73856093) ^ (y * 19349663)) & 0xFF).astype(np.uint8)


def write_base(path, data, spp):
    """Uncompressed little-endian TIFF, one strip per page, chunky samples."""
    pages, h, w = data.shape[:3]
    fmt = {"u": 1, "i": 2, "f": 3}[data.dtype.kind]
    bits = data.dtype.itemsize * 8
    out = bytearray(b"II*\x00\x00\x00\x00\x00")
    prev_next = 4
    for p in range(pages):
        pix = data[p].astype(data.dtype.newbyteorder("<")).tobytes()
        bps_off = None
        extra = b""
        ifd_pos = len(out)
        entries = [(256, 4, 1, w), (257, 4, 1, h), (258, 3, spp, bits), (259, 3, 1, 1),
                   (262, 3, 1, 2 if spp == 3 else 1), (273, 4, 1, 0), (277, 3, 1, spp),
                   (278, 4, 1, h), (279, 4, 1, len(pix)), (284, 3, 1, 1), (339, 3, spp, fmt)]
        n = len(entries)
        after = ifd_pos + 2 + 12 * n + 4
        struct.pack_into("<I", out, prev_next, ifd_pos)
        table = bytearray(struct.pack("<H", n))
        for tag, typ, cnt, val in entries:
            if typ == 3 and cnt > 2:
                extra_pos = after + len(extra)
                extra += struct.pack("<%dH" % cnt, *([val] * cnt))
                table += struct.pack("<HHII", tag, typ, cnt, extra_pos)
            elif typ == 3:
                table += struct.pack("<HHIHH", tag, typ, cnt, val, val if cnt == 2 else 0)
            else:
                table += struct.pack("<HHII", tag, typ, cnt, val)
        prev_next = ifd_pos + 2 + 12 * n
        table += b"\x00\x00\x00\x00"
        out += table + extra
        if len(out) % 2:
            out += b"\x00"
        data_pos = len(out)
        strip_entry = ifd_pos + 2 + 12 * 5 + 8
        struct.pack_into("<I", out, strip_entry, data_pos)
        out += pix
        if len(out) % 2:
            out += b"\x00"
    with open(path, "wb") as f:
        f.write(out)


def tiffcp(src, dst, *opts):
    subprocess.run(["tiffcp", *opts, src, dst], check=True)


def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    tmp = tempfile.mkdtemp()
    bases = {}
    for name, dtype, spp in [("uint8", np.uint8, 1), ("int8", np.int8, 1), ("uint16", np.uint16, 1),
                             ("int16", np.int16, 1), ("uint32", np.uint32, 1), ("int32", np.int32, 1),
                             ("float32", np.float32, 1), ("float64", np.float64, 1), ("rgb8", np.uint8, 3)]:
        base = os.path.join(tmp, name + ".tif")
        write_base(base, pattern(dtype, W, H, PAGES, spp), spp)
        bases[name] = base
    noise_base = os.path.join(tmp, "noise.tif")
    write_base(noise_base, noise(128, 96)[None, :, :, None], 1)

    jobs = [
        ("uint16_be_strips.tif", "uint16", ["-B", "-r", "5"]),
        ("uint16_lzw_pred2.tif", "uint16", ["-c", "lzw:2", "-r", "8"]),
        ("int16_deflate_pred2_be.tif", "int16", ["-B", "-c", "zip:2"]),
        ("uint8_packbits.tif", "uint8", ["-c", "packbits", "-r", "4"]),
        ("int8_lzw.tif", "int8", ["-c", "lzw"]),
        ("uint32_deflate_pred2.tif", "uint32", ["-c", "zip:2", "-r", "7"]),
        ("int32_be_tiles_lzw.tif", "int32", ["-B", "-t", "-w", "16", "-l", "16", "-c", "lzw:2"]),
        ("float32_tiles_deflate.tif", "float32", ["-t", "-w", "16", "-l", "16", "-c", "zip"]),
        ("float32_deflate_pred3.tif", "float32", ["-c", "zip:3", "-r", "6"]),
        ("float64_lzw_pred3.tif", "float64", ["-c", "lzw:3"]),
        ("float64_be_deflate.tif", "float64", ["-B", "-c", "zip"]),
        ("rgb8_chunky_lzw_pred2.tif", "rgb8", ["-c", "lzw:2"]),
        ("rgb8_planar_packbits_be.tif", "rgb8", ["-B", "-p", "separate", "-c", "packbits", "-r", "9"]),
        ("rgb8_planar_tiles_deflate.tif", "rgb8", ["-p", "separate", "-t", "-w", "16", "-l", "16", "-c", "zip:2"]),
    ]
    for dst, base, opts in jobs:
        tiffcp(bases[base], os.path.join(outdir, dst), *opts)
    tiffcp(noise_base, os.path.join(outdir, "noise8_lzw.tif"), "-c", "lzw")


if __name__ == "__main__":
    main(sys.argv[1])
