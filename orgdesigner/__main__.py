from orgdesigner.cli import main

raise SystemExit(main())
