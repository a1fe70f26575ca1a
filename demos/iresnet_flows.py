"""The i-ResNet tab's flows: the MNIST flow, its contrast model and the four toy flows, loaded lazily through the hub
table; the thread setting their calls want; and the toy densities' panel (cached: four densities, two languages)."""

from __future__ import annotations

import functools

import plotly.graph_objects as go

from demos.common import lazy
from demos.iresnet_views import density_figure
from models import hub

GRID = 90  # the density heat-map's points per side


def _load(name: str):
    def load():
        from models.iresnet import ToyFlows
        from models.iresnet_mnist import MnistFlow

        cls = ToyFlows if name == "iresnet-toys" else MnistFlow
        return hub.load(cls, name).requires_grad_(False)

    return lazy(load)


FLOW, CONTRAST, TOYS = _load("iresnet-mnist"), _load("iresnet-mnist-contrast"), _load("iresnet-toys")


def one_thread() -> None:
    """The flows run many small ops: in a server worker thread one torch thread is 4x faster than two on this CPU
    (round trip measured 0.27 s against 1.12 s). The setting belongs to the calling thread."""
    import torch

    torch.set_num_threads(1)


@functools.lru_cache(maxsize=8)
def density_panel(name: str, lang: str = "en") -> tuple[go.Figure, dict]:
    import torch

    from models.toy_densities import DENSITIES as SAMPLERS

    flow = TOYS.get().flows[name]
    lin, density = flow.density_grid(4.5, GRID)
    density = density.numpy()
    with torch.no_grad():
        samples = flow.inverse(torch.randn(600, 2, generator=torch.Generator().manual_seed(0))).numpy()
        data = SAMPLERS[name](600, torch.Generator().manual_seed(1)).numpy()
    fig = density_figure(lin.numpy(), density, samples, data, lang)
    return fig, {"density": name, "grid": GRID, "mass_on_grid": float(density.sum() * (9 / (GRID - 1)) ** 2)}
