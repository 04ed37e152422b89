derive tests/data/derive/bad_family.yaml -o /tmp/concert-derive-never-written.yaml
