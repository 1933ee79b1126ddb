"""Validates one STIX 2.1 file with the OASIS validator and prints its findings as JSON."""
import json
import sys

from stix2validator import ValidationOptions, validate_file

results = validate_file(sys.argv[1], ValidationOptions(version="2.1"))
print(
    json.dumps(
        {
            "valid": results.is_valid,
            "fatal": str(results.fatal) if results.fatal else None,
            "objects": [
                {
                    "id": o.object_id,
                    "valid": o.is_valid,
                    "errors": [str(e) for e in o.errors],
                    "warnings": [str(w) for w in o.warnings],
                }
                for o in results.object_results
            ],
        }
    )
)
