import { createTheme } from '@mui/material/styles'
import '@fontsource/roboto/400.css'
import '@fontsource/roboto/500.css'
import '@fontsource/roboto/700.css'

/** A calm, dense back-office look: white surfaces on a light grey canvas, one teal accent. */
export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#0f6e6e' },
    secondary: { main: '#5b4bb7' },
    background: { default: '#f4f6f8', paper: '#ffffff' },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: 'Roboto, system-ui, "Segoe UI", Helvetica, Arial, sans-serif',
    h5: { fontWeight: 600 },
    h6: { fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiPaper: {
      defaultProps: { elevation: 0 },
      styleOverrides: { root: { border: '1px solid #e3e7eb' } },
    },
    MuiAppBar: { styleOverrides: { root: { border: 'none', borderBottom: '1px solid #e3e7eb' } } },
    MuiTextField: { defaultProps: { size: 'small' } },
    MuiSelect: { defaultProps: { size: 'small' } },
  },
})
