from giaoban_qa.cli import main

raise SystemExit(main())
