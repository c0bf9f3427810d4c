--- notedeck for Neovim: starts `notedeck lsp` for Markdown buffers through the built-in client
--- (vim.lsp.config / vim.lsp.enable, Neovim 0.11+).
---
--- Usage:
---   require('notedeck').setup()                                  -- defaults below
---   require('notedeck').setup({ cmd = { '/path/to/notedeck', 'lsp' } })
---
--- Everything the server offers (hover, go to definition, references, symbols, completion,
--- code actions, diagnostics) goes through Neovim's own LSP mappings (`K`, `gra`, `grr`, `gO`,
--- `<C-]>`, `]d`/`[d`); this plugin maps no keys of its own.
local M = {}

--- The name under which the server is registered with vim.lsp.config; also the client name
--- shown by `:checkhealth vim.lsp` and in the LSP log.
M.name = 'notedeck'

--- Defaults, merged with the table given to setup(). A function so that callers cannot mutate
--- the shared defaults by accident.
---@return table
function M.defaults()
  return {
    -- The server command. A different binary: { '/path/to/notedeck', 'lsp' }.
    cmd = { 'notedeck', 'lsp' },
    filetypes = { 'markdown' },
    -- The nearest ancestor holding one of these is the workspace the server scans for notes.
    -- With none, the note's own directory is used, so a loose note still gets a workspace.
    root_markers = { '.git', '.obsidian' },
    -- Passed through to vim.lsp.config unchanged.
    settings = {},
    init_options = nil,
    capabilities = nil,
    on_attach = nil,
    -- Show the server's code lenses ("N cards" per section) and keep them fresh.
    codelens = true,
    -- Call vim.lsp.enable() so the server starts for matching buffers.
    enable = true,
  }
end

--- The options in force after the last setup() (nil before it).
M.options = nil

--- Registers the notedeck server with Neovim's LSP client and (by default) enables it.
--- Calling it again replaces the previous configuration; buffers opened afterwards use it.
---@param opts? table see M.defaults() above
function M.setup(opts)
  if vim.fn.has('nvim-0.11') ~= 1 then
    vim.notify('notedeck: Neovim 0.11 or newer is needed (vim.lsp.config)', vim.log.levels.ERROR)
    return
  end
  opts = vim.tbl_extend('force', M.defaults(), opts or {})
  vim.validate('cmd', opts.cmd, { 'table', 'function' })
  vim.validate('filetypes', opts.filetypes, 'table')
  vim.validate('root_markers', opts.root_markers, 'table')
  M.options = opts

  vim.lsp.config(M.name, M.client_config(opts))
  -- enable = false also disables a server an earlier setup() enabled.
  vim.lsp.enable(M.name, opts.enable and true or false)
end

--- The table handed to vim.lsp.config for the given options. Separate from setup() so the
--- health check and tests can inspect it without starting anything.
---@param opts table
---@return vim.lsp.Config
function M.client_config(opts)
  local markers = opts.root_markers
  return {
    cmd = opts.cmd,
    filetypes = opts.filetypes,
    root_dir = function(bufnr, on_dir)
      on_dir(M.root_dir(bufnr, markers))
    end,
    settings = opts.settings,
    init_options = opts.init_options,
    capabilities = opts.capabilities,
    on_attach = function(client, bufnr)
      if opts.codelens and client:supports_method('textDocument/codeLens', bufnr) then
        M.enable_codelens(bufnr)
      end
      if opts.on_attach then
        opts.on_attach(client, bufnr)
      end
    end,
  }
end

--- The workspace root for a buffer: the nearest ancestor with a root marker, else the
--- buffer's directory, else the current directory (an unnamed buffer).
---@param bufnr integer
---@param markers string[]
---@return string
function M.root_dir(bufnr, markers)
  local root = vim.fs.root(bufnr, markers)
  if root then
    return root
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name ~= '' then
    return vim.fs.dirname(vim.fs.normalize(vim.fn.fnamemodify(name, ':p')))
  end
  return vim.fn.getcwd()
end

--- Refreshes code lenses now and whenever the buffer is entered, saved or left insert mode.
--- Newer Neovim versions manage lenses themselves (vim.lsp.codelens.enable); use that there.
---@param bufnr integer
function M.enable_codelens(bufnr)
  local codelens = vim.lsp.codelens
  if type(codelens.enable) == 'function' then
    codelens.enable(true, { bufnr = bufnr })
    return
  end
  local group = vim.api.nvim_create_augroup('notedeck_codelens_' .. bufnr, { clear = true })
  vim.api.nvim_create_autocmd({ 'BufEnter', 'InsertLeave', 'BufWritePost' }, {
    group = group,
    buffer = bufnr,
    callback = function()
      codelens.refresh({ bufnr = bufnr })
    end,
  })
  codelens.refresh({ bufnr = bufnr })
end

return M
