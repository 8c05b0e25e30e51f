"""Use cases: the only API that the GUI and the command line call. One transaction each."""
