from copylint.lsp.server import main

main()
