enum _BootstrapEcoGraphIO {}
