plot calibration tests/data/no-such-record
