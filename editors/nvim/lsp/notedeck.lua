-- Lets `vim.lsp.enable('notedeck')` work without calling setup(): Neovim 0.11+ merges every
-- `lsp/<name>.lua` on the runtimepath into vim.lsp.config[name]. setup() overrides these.
local notedeck = require('notedeck')
return notedeck.client_config(notedeck.options or notedeck.defaults())
