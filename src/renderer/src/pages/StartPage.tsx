import { Alert, Box, Button, CircularProgress, Paper, Stack, Typography } from '@mui/material'
import StorefrontIcon from '@mui/icons-material/Storefront'
import AutoAwesomeIcon from '@mui/icons-material/AutoAwesome'
import { useState } from 'react'
import { BusinessDialog } from '../components/BusinessDialog'
import { useApiMutation } from '../hooks/use-api'

/** The empty workspace: create the first business, or look around with demo data. */
export function StartPage() {
  const [creating, setCreating] = useState(false)
  const demo = useApiMutation('demo.load')
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 3 }}>
      <Paper sx={{ p: 5, maxWidth: 560, width: '100%' }}>
        <Typography variant="h4" component="h1" sx={{ color: 'primary.main', fontWeight: 700 }}>
          Promoledger
        </Typography>
        <Typography variant="body1" color="text.secondary" sx={{ mt: 1, mb: 4 }}>
          Discount and promo codes, the sales made with them, and who earned what. Everything stays
          in one file on this computer.
        </Typography>
        {demo.error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {demo.error.message}
          </Alert>
        )}
        <Stack spacing={2}>
          <Button
            size="large"
            variant="contained"
            startIcon={<StorefrontIcon />}
            onClick={() => setCreating(true)}
          >
            Create your first business
          </Button>
          <Button
            size="large"
            variant="outlined"
            startIcon={demo.isPending ? <CircularProgress size={18} /> : <AutoAwesomeIcon />}
            disabled={demo.isPending}
            onClick={() => demo.mutate({})}
          >
            {demo.isPending ? 'Loading demo data…' : 'Explore with demo data'}
          </Button>
          <Typography variant="body2" color="text.secondary">
            The demo adds two businesses with promoters, campaigns, codes and a few thousand sales
            from the last two months.
          </Typography>
        </Stack>
      </Paper>
      {creating && (
        <BusinessDialog onClose={() => setCreating(false)} onCreated={() => setCreating(false)} />
      )}
    </Box>
  )
}
