import { Alert, Box, CircularProgress } from '@mui/material'
import { lazy } from 'react'
import { createHashRouter, Navigate, RouterProvider } from 'react-router'
import { useApiQuery } from './hooks/use-api'
import { AppShell } from './app/AppShell'
import { BusinessProvider } from './app/business-context'
import { StartPage } from './pages/StartPage'

// Pages load on demand: the grid and forms are large, the first screen should not wait for them.
const CheckoutPage = lazy(() => import('./pages/CheckoutPage'))
const CampaignsPage = lazy(() => import('./pages/CampaignsPage'))
const CampaignPage = lazy(() => import('./pages/CampaignPage'))
const AnalyticsPage = lazy(() => import('./pages/AnalyticsPage'))
const CodesPage = lazy(() => import('./pages/CodesPage'))
const RedemptionsPage = lazy(() => import('./pages/RedemptionsPage'))
const PromotersPage = lazy(() => import('./pages/PromotersPage'))
const PromoterPage = lazy(() => import('./pages/PromoterPage'))
const PayoutsPage = lazy(() => import('./pages/PayoutsPage'))
const FraudPage = lazy(() => import('./pages/FraudPage'))
const ProductsPage = lazy(() => import('./pages/ProductsPage'))
const ImportPage = lazy(() => import('./pages/ImportPage'))
const SettingsPage = lazy(() => import('./pages/SettingsPage'))

const router = createHashRouter([
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/campaigns" replace /> },
      { path: 'checkout', element: <CheckoutPage /> },
      { path: 'campaigns', element: <CampaignsPage /> },
      { path: 'campaigns/:campaignId', element: <CampaignPage /> },
      { path: 'analytics', element: <AnalyticsPage /> },
      { path: 'codes', element: <CodesPage /> },
      { path: 'redemptions', element: <RedemptionsPage /> },
      { path: 'promoters', element: <PromotersPage /> },
      { path: 'promoters/:promoterId', element: <PromoterPage /> },
      { path: 'payouts', element: <PayoutsPage /> },
      { path: 'fraud', element: <FraudPage /> },
      { path: 'products', element: <ProductsPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <Navigate to="/campaigns" replace /> },
    ],
  },
])

export function App() {
  const businesses = useApiQuery('businesses.list', {})
  if (businesses.error) {
    return (
      <Alert severity="error" sx={{ m: 4 }}>
        {businesses.error.message}
      </Alert>
    )
  }
  if (!businesses.data) {
    return (
      <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <CircularProgress aria-label="Loading" />
      </Box>
    )
  }
  if (businesses.data.length === 0) return <StartPage />
  return (
    <BusinessProvider businesses={businesses.data}>
      <RouterProvider router={router} />
    </BusinessProvider>
  )
}
