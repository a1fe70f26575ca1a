"""The O-GAN tab's models and codes: the O-GAN and the independent judge (loaded lazily from the hub table), a code
from a drawing, a test digit or a seed, and what encoding a digit gives (code, reconstruction, the judge's readings)."""

from __future__ import annotations

import numpy as np

from demos.common import lazy, parse_number
from demos.digit_input import digit_pixels, test_digit
from demos.errors import error, quote
from models import hub

SOURCES = ["drawing", "example", "seed"]


def _load():
    from models.ogan import OGAN

    return hub.load(OGAN, "ogan-mnist").requires_grad_(False)  # inference only, in any thread


def _load_judge():
    from models.mnist_judge import MnistJudge

    return hub.load(MnistJudge, "mnist-judge").requires_grad_(False)


MODEL = lazy(_load)
JUDGE = lazy(_load_judge)  # an independent classifier: which digit does it read in the input and in the reconstruction?


def as_tensor(pixels: np.ndarray):
    import torch

    return torch.from_numpy(pixels * 2 - 1).float()[None, None]  # (1, 1, 28, 28) in [-1, 1]


def code_from(kind: str, image, value) -> np.ndarray:
    """The code (n_z,) of a drawing (E(x)), of test digit `value`, or N(0, I) drawn with seed `value`."""
    import torch

    model = MODEL.get()
    if kind == "drawing":
        return model.encode(as_tensor(digit_pixels(image)))[0].numpy()
    if kind == "example":
        d = parse_number(value, "Example digit", 0, 9, integer=True)
        return model.encode(as_tensor(test_digit(d)))[0].numpy()
    if kind == "seed":
        s = parse_number(value, "Seed", 0, 2**31 - 1, integer=True)
        return torch.randn(model.n_z, generator=torch.Generator().manual_seed(s)).numpy()
    raise error("source", value=quote(kind), choices=", ".join(SOURCES))


def encode_digit(pixels: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[dict], dict]:
    """Pixels (28, 28) in [0, 1] -> the reconstruction (1, 1, 28, 28) in [-1, 1], the code (n_z,), the judge's class
    probabilities for the input and the reconstruction, and the JSON summary."""
    import torch

    model = MODEL.get()
    x = as_tensor(pixels)
    z = model.encode(x)
    recon = model.generator(z)
    probs = torch.softmax(JUDGE.get()(torch.cat([x, recon])), dim=-1).numpy()  # (2, 10)
    readings = [{str(d): round(float(p), 4) for d, p in enumerate(row)} for row in probs]
    mse = float((((recon[0, 0].numpy() + 1) / 2 - pixels) ** 2).mean())
    code = z[0].numpy()
    result = {
        "code": [round(float(v), 5) for v in code],
        "n_z": len(code),
        "reconstruction_pixel_mse": round(mse, 5),
        "judge": {
            name: {"class": int(row.argmax()), "confidence": round(float(row.max()), 4)}
            for name, row in zip(("input", "reconstruction"), probs, strict=True)
        },
    }
    return recon.numpy(), code, readings, result
