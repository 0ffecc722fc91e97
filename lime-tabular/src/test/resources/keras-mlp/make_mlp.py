"""Writes mlp.h5: a Keras 2 Sequential MLP in the HDF5 layout Keras 2.2 saves (written with h5py, no
Keras needed), Dense(8, relu) on 5 inputs then Dense(2, softmax), with seeded weights, and
mlp-weights.json with the same weights, so a test can compute the expected outputs by hand.
Run: python3 make_mlp.py (needs h5py and numpy)."""
import json
import h5py
import numpy as np

rng = np.random.default_rng(7)
w1 = rng.normal(0, 0.8, (5, 8)).astype("float32")
b1 = rng.normal(0, 0.1, (8,)).astype("float32")
w2 = rng.normal(0, 0.8, (8, 2)).astype("float32")
b2 = rng.normal(0, 0.1, (2,)).astype("float32")


def dense(name, units, activation, input_shape=None):
    config = {"name": name, "trainable": True, "dtype": "float32", "units": units, "activation": activation,
              "use_bias": True,
              "kernel_initializer": {"class_name": "VarianceScaling",
                                     "config": {"scale": 1.0, "mode": "fan_avg", "distribution": "uniform",
                                                "seed": None}},
              "bias_initializer": {"class_name": "Zeros", "config": {}},
              "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
              "kernel_constraint": None, "bias_constraint": None}
    if input_shape is not None:
        config["batch_input_shape"] = [None] + input_shape
    return {"class_name": "Dense", "config": config}


model_config = {"class_name": "Sequential", "config": {"name": "sequential_1", "layers": [
    dense("dense_1", 8, "relu", [5]), dense("dense_2", 2, "softmax")]}}

with h5py.File("mlp.h5", "w") as f:
    f.attrs["keras_version"] = np.bytes_("2.2.4")
    f.attrs["backend"] = np.bytes_("tensorflow")
    f.attrs["model_config"] = np.bytes_(json.dumps(model_config))
    weights = f.create_group("model_weights")
    weights.attrs["layer_names"] = [np.bytes_("dense_1"), np.bytes_("dense_2")]
    weights.attrs["backend"] = np.bytes_("tensorflow")
    weights.attrs["keras_version"] = np.bytes_("2.2.4")
    for name, kernel, bias in (("dense_1", w1, b1), ("dense_2", w2, b2)):
        layer = weights.create_group(name)
        layer.attrs["weight_names"] = [np.bytes_(name + "/kernel:0"), np.bytes_(name + "/bias:0")]
        inner = layer.create_group(name)
        inner.create_dataset("kernel:0", data=kernel)
        inner.create_dataset("bias:0", data=bias)

with open("mlp-weights.json", "w") as f:
    json.dump({"w1": w1.tolist(), "b1": b1.tolist(), "w2": w2.tolist(), "b2": b2.tolist()}, f)
