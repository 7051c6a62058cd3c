"""Reads an INI file the way an OpenStack service does (oslo.config) and prints what it got.

stdin: JSON {section: [key, ...]} naming the options to look up as string options.
argv[1]: the file. stdout: JSON {"keys": {section: [every key in the file]},
"values": {section: {key: value after oslo.config's parsing and interpolation}}}.
"""
import json
import sys

from oslo_config import cfg

path = sys.argv[1]
wanted = json.load(sys.stdin)

found = {}
cfg.ConfigParser(path, found).parse()

conf = cfg.ConfigOpts()
for section, keys in wanted.items():
    for key in keys:
        conf.register_opt(cfg.StrOpt(key), group=None if section == "DEFAULT" else section)
conf(args=[], project="roundtrip", default_config_files=[path], default_config_dirs=[], use_env=False)

values = {}
for section, keys in wanted.items():
    node = conf if section == "DEFAULT" else conf[section]
    values[section] = {key: node[key] for key in keys}
json.dump({"keys": {s: sorted(k) for s, k in found.items()}, "values": values}, sys.stdout)
