"""The enzyme chart: the panel, its axes, its image export, and the deferred place-holder."""
