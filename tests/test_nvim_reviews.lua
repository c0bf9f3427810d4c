-- A real headless Neovim with the notedeck plugin, pointed at an Anki collection through
-- init_options: waits for the leech diagnostic, then asks for the code lenses and a hover on
-- the leech's line. Run by tests/test_anki_stats.py as
--   nvim --headless -u NONE -i NONE -n --cmd 'set rtp^=editors/nvim' -l this.lua PARAMS.json
-- and writes what it saw to PARAMS.result_path (rewritten after each step).

local params = vim.json.decode(table.concat(vim.fn.readfile(assert(arg[1])), '\n'))
local result = {}
local function save()
  vim.fn.writefile({ vim.json.encode(result) }, params.result_path)
end

local ok, err = xpcall(function()
  vim.cmd('filetype on')
  require('notedeck').setup({
    cmd = params.cmd,
    init_options = { collection = params.collection, leechSeverity = 'warning' },
  })
  vim.cmd.edit(vim.fn.fnameescape(params.note))
  local bufnr = vim.api.nvim_get_current_buf()
  local client
  assert(vim.wait(params.timeout_ms, function()
    client = vim.lsp.get_clients({ bufnr = bufnr, name = 'notedeck' })[1]
    return client ~= nil and client.initialized
  end, 50), 'the notedeck client did not attach')

  local leech
  vim.wait(params.timeout_ms, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if tostring(d.code) == 'leech' then
        leech = { lnum = d.lnum, severity = d.severity, message = d.message }
        return true
      end
    end
    return false
  end, 50)
  result.leech = leech or vim.NIL
  save()

  local doc = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  local lenses = {}
  for _, res in pairs(vim.lsp.buf_request_sync(bufnr, 'textDocument/codeLens', doc, params.timeout_ms) or {}) do
    for _, lens in ipairs(res.result or {}) do
      lenses[#lenses + 1] = { lnum = lens.range.start.line, title = lens.command and lens.command.title or '' }
    end
  end
  result.lenses = lenses
  save()

  local hover_params = vim.tbl_extend('force', doc, { position = { line = params.leech_lnum, character = 4 } })
  local hover = ''
  for _, res in pairs(vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', hover_params, params.timeout_ms) or {}) do
    if res.result and res.result.contents then
      hover = res.result.contents.value or ''
    end
  end
  result.hover = hover
end, debug.traceback)

result.error = ok and vim.NIL or tostring(err)
result.finished = true
save()
vim.cmd('qa!')
