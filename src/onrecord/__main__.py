"""`python -m onrecord ...`; also a file spark-submit can run on a cluster:
`spark-submit --master yarn "$(python -c 'import onrecord.__main__ as m; print(m.__file__)')" spark ...`."""
from onrecord.cli import main

if __name__ == "__main__":
    main()
